using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large.Bulk;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding.Large;

/// <summary>One generated staff record: registration, practice, employment, capacity and line manager.</summary>
internal sealed record StaffRecord(DateOnly? RenewsOn, DateOnly? PracticeStartedOn, bool NewlyQualified, EmploymentKind Employment,
    DateOnly StartsOn, DateOnly? EndsOn, double FullTimeEquivalent, Guid? ManagerId);

/// <summary>
/// Staff records, training and absences for the synthetic council's accounts: about a third of social workers are agency
/// staff (with contract end dates), a few permanent staff are leaving within six weeks, about one in eight is newly
/// qualified, some work part time; registrations and training expire on dates spread so that some lapse within 30 days
/// and a few have lapsed. Drawn from a random stream of its own, so the rest of the council is the same as without it.
/// </summary>
internal sealed class StaffRecords(LargeSeedOptions options)
{
    private readonly Random _random = new(unchecked(options.Seed * 7919 + 101));
    private readonly DateOnly _today = options.EndDate;
    private int _training, _absences;

    public TableRows Training { get; } = new(Tables.TrainingRecords);
    public TableRows Absences { get; } = new(Tables.StaffAbsences);

    public StaffRecord Next(Guid userId, string role, bool qualified, Guid? managerId)
    {
        var socialWorker = role == Roles.SocialWorker;
        var newlyQualified = socialWorker && _random.NextDouble() < 0.12;
        var agency = socialWorker && !newlyQualified && _random.NextDouble() < 0.33;
        DateOnly? practice = !qualified ? null
            : newlyQualified ? _today.AddDays(-30 - _random.Next(300))
            : _today.AddDays(-400 - _random.Next(365 * 20));
        // Social Work England renewals: mostly months away, about 5% within 30 days, about 2% already lapsed.
        DateOnly? renews = !qualified ? null : _random.NextDouble() switch
        {
            < 0.02 => _today.AddDays(-1 - _random.Next(40)),
            < 0.07 => _today.AddDays(_random.Next(31)),
            _ => _today.AddDays(31 + _random.Next(335)),
        };
        var starts = agency ? _today.AddDays(-20 - _random.Next(700)) : _today.AddDays(-60 - _random.Next(365 * 12));
        if (newlyQualified) starts = practice!.Value;
        DateOnly? ends = agency ? _today.AddDays(14 + _random.Next(260))
            : _random.NextDouble() < 0.03 ? _today.AddDays(7 + _random.Next(36))
            : null;
        var fte = _random.NextDouble() switch { < 0.06 => 0.6, < 0.12 => 0.8, _ => 1.0 };
        AddTraining(userId, role, qualified && !newlyQualified);
        AddAbsence(userId);
        return new StaffRecord(renews, practice, newlyQualified, agency ? EmploymentKind.Agency : EmploymentKind.Permanent, starts, ends, fte,
            role == Roles.TeamManager ? null : managerId);
    }

    private void AddTraining(Guid userId, string role, bool experienced)
    {
        Course(userId, TrainingKind.SafeguardingFoundation, _today.AddDays(-30 - _random.Next(3000)), null);
        if (role is not (Roles.SocialWorker or Roles.TeamManager or Roles.ConferenceChair)) return;
        if (experienced && _random.NextDouble() < 0.85)
        {
            // Three-year courses; completion spread so some lapse within 30 days and some have lapsed.
            foreach (var kind in new[] { TrainingKind.ChildProtectionSection47, TrainingKind.ChildProtectionPlans })
            {
                var completed = _today.AddDays(-_random.Next(3 * 365 + 120));
                Course(userId, kind, completed, completed.AddYears(3));
            }
        }
        if (_random.NextDouble() < 0.6)
        {
            var completed = _today.AddDays(-_random.Next(3 * 365));
            Course(userId, TrainingKind.LookedAfterChildren, completed, completed.AddYears(3));
        }
        if (experienced && _random.NextDouble() < 0.3)
        {
            var completed = _today.AddDays(-_random.Next(3 * 365));
            Course(userId, TrainingKind.CourtSkills, completed, completed.AddYears(3));
        }
    }

    private void Course(Guid userId, TrainingKind kind, DateOnly completed, DateOnly? expires) =>
        Training.Add(DeterministicGuid.Create(options.Seed, IdKinds.TrainingRecord, ++_training), userId, kind.ToString(), completed, expires);

    /// <summary>About 4% on leave now, 4% on leave next week, 2% off sick.</summary>
    private void AddAbsence(Guid userId)
    {
        var draw = _random.NextDouble();
        (AbsenceKind Kind, DateOnly From, DateOnly To)? absence = draw switch
        {
            < 0.04 => (AbsenceKind.AnnualLeave, _today.AddDays(-_random.Next(5)), _today.AddDays(1 + _random.Next(8))),
            < 0.08 => (AbsenceKind.AnnualLeave, DemoStaff.NextMonday(_today), DemoStaff.NextMonday(_today).AddDays(4)),
            < 0.10 => (AbsenceKind.Sickness, _today.AddDays(-_random.Next(20)), _today.AddDays(_random.Next(30))),
            _ => null,
        };
        if (absence is { } a)
        {
            Absences.Add(DeterministicGuid.Create(options.Seed, IdKinds.StaffAbsence, ++_absences), userId, a.Kind.ToString(), a.From, a.To);
        }
    }
}
