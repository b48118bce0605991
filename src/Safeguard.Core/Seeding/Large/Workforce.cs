using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large.Bulk;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding.Large;

internal sealed record StaffMember(Guid Id, string DisplayName, Guid TeamId);

/// <summary>A social worker who can hold cases: their team, their team manager (supervisor) and whether they are newly qualified.</summary>
internal sealed record CaseWorker(Guid Id, string DisplayName, Guid TeamId, Guid ManagerId, string ManagerName, bool NewlyQualified,
    DateOnly? LeavesOn = null);

/// <summary>A partner agency that refers children, with the CIN referral source code its contacts carry.</summary>
internal sealed record Partner(Guid Id, string Name, OrganisationKind Kind, string SourceCode, string[] Roles, string EmailDomain);

/// <summary>The council's teams, staff and partner organisations, created if absent and reused if present (by name).</summary>
internal sealed class Workforce
{
    public Guid CouncilId { get; private set; }
    public Dictionary<string, Guid> Teams { get; } = [];
    public Dictionary<Guid, StaffMember[]> StaffByTeam { get; } = [];
    public Dictionary<Guid, CaseWorker[]> CaseWorkersByTeam { get; } = [];
    public Partner[] Partners { get; private set; } = [];
    public int TeamsCreated, OrganisationsCreated, UsersCreated;
    public long TrainingRecords, StaffAbsences;

    public Guid Mash => Teams["MASH"];
    public Guid Assessment(bool north) => Teams[north ? "Assessment North" : "Assessment South"];
    public Guid ChildInNeed(bool north) => Teams[north ? "Child in Need East" : "Child in Need West"];
    public Guid ChildProtection(bool north) => Teams[north ? "Child Protection 1" : "Child Protection 2"];

    public StaffMember Worker(Random random, Guid teamId)
    {
        var staff = StaffByTeam[teamId];
        return staff[random.Next(staff.Length)];
    }

    /// <summary>A social worker of the team, to hold a case (never its manager or a social work assistant).</summary>
    public CaseWorker CaseWorker(Random random, Guid teamId)
    {
        var workers = CaseWorkersByTeam[teamId];
        return workers[random.Next(workers.Length)];
    }

    /// <summary>A child protection chair of the conference and review team (its first member is the team manager).</summary>
    public StaffMember Chair(Random random)
    {
        var staff = StaffByTeam[Teams["Conference and Review"]];
        return staff[1 + random.Next(staff.Length - 1)];
    }

    private static readonly (string Key, TeamKind Kind, int Staff)[] TeamPlan =
    [
        ("MASH", TeamKind.FrontDoor, 40), ("Assessment North", TeamKind.Assessment, 40),
        ("Assessment South", TeamKind.Assessment, 40), ("Child in Need East", TeamKind.ChildInNeed, 35),
        ("Child in Need West", TeamKind.ChildInNeed, 35), ("Disabled Children", TeamKind.ChildInNeed, 20),
        ("Child Protection 1", TeamKind.ChildProtection, 30), ("Child Protection 2", TeamKind.ChildProtection, 30),
        ("Early Help Hub", TeamKind.EarlyHelp, 20), ("Conference and Review", TeamKind.Conference, 10),
    ];

    public static async Task<Workforce> EnsureAsync(BulkWriter writer, LargeSeedOptions options, Random random, CancellationToken ct)
    {
        var w = new Workforce();
        var council = options.CouncilName;
        var seed = options.Seed;
        var existingTeams = (await writer.QueryAsync("SELECT \"Id\", \"Name\" FROM \"Teams\"",
            r => (Id: r.GetGuid(0), Name: r.GetString(1)), ct)).ToDictionary(t => t.Name, t => t.Id);
        var existingOrgs = (await writer.QueryAsync("SELECT \"Id\", \"Name\" FROM \"Organisations\"",
            r => (Id: r.GetGuid(0), Name: r.GetString(1)), ct)).ToDictionary(t => t.Name, t => t.Id);
        var existingUsers = (await writer.QueryAsync(
            "SELECT \"Id\", \"NormalizedUserName\", \"DisplayName\", \"TeamId\" FROM \"AspNetUsers\" WHERE \"NormalizedUserName\" IS NOT NULL",
            r => (Id: r.GetGuid(0), Name: r.GetString(1), Display: r.GetString(2), Team: r.IsDBNull(3) ? (Guid?)null : r.GetGuid(3)), ct))
            .ToDictionary(u => u.Name, u => u);
        var roles = (await writer.QueryAsync("SELECT \"Id\", \"Name\" FROM \"AspNetRoles\" WHERE \"Name\" IS NOT NULL",
            r => (Id: r.GetGuid(0), Name: r.GetString(1)), ct)).ToDictionary(r => r.Name, r => r.Id);
        await EnsureRolesAsync(writer, roles, seed, ct);

        var orgRows = new TableRows(Tables.Organisations);
        var teamRows = new TableRows(Tables.Teams);
        var userRows = new TableRows(Tables.Users);
        var userRoleRows = new TableRows(Tables.UserRoles);
        var counter = 0;

        Guid Organisation(string name, OrganisationKind kind)
        {
            counter++;
            if (existingOrgs.TryGetValue(name, out var id)) return id;
            id = DeterministicGuid.Create(seed, IdKinds.Organisation, counter);
            orgRows.Add(id, name, kind.ToString());
            existingOrgs[name] = id;
            w.OrganisationsCreated++;
            return id;
        }

        w.CouncilId = Organisation($"{council} Borough Council", OrganisationKind.LocalAuthority);
        var domain = council.ToLowerInvariant().Replace(" ", "") + ".example";
        var partners = new List<Partner>();
        void Add(string name, OrganisationKind kind, string source, params string[] rolesAtPartner)
        {
            var id = Organisation(name, kind);
            var partnerDomain = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray()) + ".example";
            partners.Add(new Partner(id, name, kind, source, rolesAtPartner, partnerDomain));
        }
        Add($"{council}shire Police", OrganisationKind.Police, "6", "Police constable", "Detective constable", "Public protection officer");
        Add($"{council}shire Police Missing Persons Unit", OrganisationKind.Police, "6", "Missing persons coordinator");
        Add($"British Transport Police ({council})", OrganisationKind.Police, "6", "Police constable");
        Add($"{council} Hospitals NHS Foundation Trust", OrganisationKind.Health, "3E", "Emergency department nurse", "Paediatric registrar", "Named nurse for safeguarding");
        Add($"{council} Community Health NHS Trust", OrganisationKind.Health, "3B", "Health visitor", "School nurse", "Community midwife");
        Add($"{council} Mental Health NHS Trust", OrganisationKind.Health, "3F", "Community psychiatric nurse", "CAMHS practitioner");
        Add($"Millbrook Surgery ({council})", OrganisationKind.Health, "3A", "GP", "Practice nurse");
        Add($"Station Road Medical Practice ({council})", OrganisationKind.Health, "3A", "GP");
        Add($"Kingsmead Health Centre ({council})", OrganisationKind.Health, "3A", "GP", "Practice nurse");
        Add($"Eastfield Family Practice ({council})", OrganisationKind.Health, "3A", "GP");
        foreach (var school in SyntheticPlaces.PrimarySchools.Concat(SyntheticPlaces.SecondarySchools).Take(12))
        {
            Add($"{school} ({council})", OrganisationKind.Education, "2A", "Designated safeguarding lead", "Head teacher", "Class teacher");
        }
        Add($"{council} Education Welfare Service", OrganisationKind.Education, "2B", "Education welfare officer");
        Add($"{council} Women's Aid", OrganisationKind.Voluntary, "8", "Independent domestic violence adviser");
        Add($"Home-Start {council}", OrganisationKind.Voluntary, "8", "Family support worker");
        Add($"{council} Young People's Drug and Alcohol Service", OrganisationKind.Voluntary, "8", "Substance misuse worker");
        Add($"{council} Homes", OrganisationKind.Other, "4", "Housing officer", "Tenancy sustainment officer");
        Add($"{council}shire Youth Justice Service", OrganisationKind.Other, "7", "Youth justice officer");
        Add($"{council}shire Probation Delivery Unit", OrganisationKind.Other, "7", "Probation officer");
        w.Partners = partners.ToArray();

        var teamCounter = 0;
        foreach (var (key, kind, _) in TeamPlan)
        {
            teamCounter++;
            var name = $"{council} {key}";
            if (!existingTeams.TryGetValue(name, out var id))
            {
                id = DeterministicGuid.Create(seed, IdKinds.Team, teamCounter);
                teamRows.Add(id, name, kind.ToString());
                w.TeamsCreated++;
            }
            w.Teams[key] = id;
        }

        var userCounter = 0;
        var records = new StaffRecords(options);
        foreach (var (key, kind, size) in TeamPlan)
        {
            var teamId = w.Teams[key];
            var members = new List<StaffMember>();
            var caseWorkers = new List<CaseWorker>();
            (Guid Id, string Name)? manager = null;
            for (var i = 0; i < size; i++)
            {
                userCounter++;
                var female = random.NextDouble() < 0.8;
                var given = (female ? SyntheticNames.Women : SyntheticNames.Men).Pick(random);
                var family = SyntheticNames.Families.Pick(random);
                var display = $"{given} {family}";
                var email = $"{Slug(given)}.{Slug(family)}{userCounter:D3}@{domain}";
                var (title, role) = JobTitle(kind, i);
                var normal = email.ToUpperInvariant();
                if (existingUsers.TryGetValue(normal, out var existing))
                {
                    members.Add(new StaffMember(existing.Id, existing.Display, existing.Team ?? teamId));
                    continue;
                }
                var id = DeterministicGuid.Create(seed, IdKinds.StaffUser, userCounter);
                var swe = role is Roles.SocialWorker or Roles.TeamManager or Roles.ConferenceChair
                    ? $"SW{100000 + random.Next(900000)}" : null;
                var disabled = random.NextDouble() < 0.04;
                var record = records.Next(id, role, swe is not null, manager?.Id);
                userRows.Add(id, display, title, teamId, w.CouncilId, disabled, swe, email, normal, email, normal,
                    true, null, Stamp(seed, userCounter * 2L), Stamp(seed, userCounter * 2L + 1), null,
                    false, false, null, true, 0,
                    record.RenewsOn, swe is not null, record.PracticeStartedOn, record.Employment.ToString(), record.StartsOn, record.EndsOn,
                    record.FullTimeEquivalent, record.ManagerId);
                if (roles.TryGetValue(role, out var roleId)) userRoleRows.Add(id, roleId);
                w.UsersCreated++;
                members.Add(new StaffMember(id, display, teamId));
                if (role == Roles.TeamManager) manager ??= (id, display);
                // Case holders: social workers still employed and able to sign in.
                if (role == Roles.SocialWorker && !disabled && manager is { } m && (record.EndsOn is null || record.EndsOn > options.EndDate))
                {
                    caseWorkers.Add(new CaseWorker(id, display, teamId, m.Id, m.Name, record.NewlyQualified, record.EndsOn));
                }
            }
            w.StaffByTeam[teamId] = members.ToArray();
            if (caseWorkers.Count == 0 && members.Count > 0 && members.All(m => existingUsers.Values.Any(u => u.Id == m.Id)))
            {
                // A team whose accounts all existed already: its members hold its cases.
                var lead = members[0];
                caseWorkers.AddRange(members.Select(x => new CaseWorker(x.Id, x.DisplayName, teamId, lead.Id, lead.DisplayName, false)));
            }
            w.CaseWorkersByTeam[teamId] = caseWorkers.ToArray();
        }

        await writer.WriteAsync([orgRows, teamRows, userRows, userRoleRows], ct);
        await writer.WriteAsync([records.Training, records.Absences], ct);
        w.TrainingRecords = records.Training.Rows.Count;
        w.StaffAbsences = records.Absences.Rows.Count;
        return w;
    }

    /// <summary>
    /// The roles a fresh database lacks (the web app adds them at its first start): the services the recent cases are walked
    /// through check them, a conference's chair for one.
    /// </summary>
    private static async Task EnsureRolesAsync(BulkWriter writer, Dictionary<string, Guid> roles, int seed, CancellationToken ct)
    {
        var rows = new TableRows(Tables.Roles);
        var n = 0;
        foreach (var name in Roles.All)
        {
            n++;
            if (roles.ContainsKey(name)) continue;
            var id = DeterministicGuid.Create(seed, IdKinds.Role, n);
            rows.Add(id, name, name.ToUpperInvariant(), id.ToString());
            roles[name] = id;
        }
        if (rows.Rows.Count > 0) await writer.WriteAsync([rows], ct);
    }

    /// <summary>The child protection chairs of the conference and review team who can sign in.</summary>
    public IEnumerable<Guid> Chairs => StaffByTeam[Teams["Conference and Review"]].Skip(1).Select(m => m.Id);

    private static (string Title, string Role) JobTitle(TeamKind kind, int index) => (kind, index) switch
    {
        (_, 0) => ("Team manager", Roles.TeamManager),
        (TeamKind.Conference, _) => ("Child protection chair", Roles.ConferenceChair),
        (TeamKind.FrontDoor, < 4) => ("Senior practitioner", Roles.SocialWorker),
        (TeamKind.FrontDoor, _) => ("MASH officer", Roles.FrontDoorWorker),
        (TeamKind.EarlyHelp, _) => ("Family support worker", Roles.SocialWorkAssistant),
        (_, < 4) => ("Senior practitioner", Roles.SocialWorker),
        (_, _) when index % 6 == 5 => ("Social work assistant", Roles.SocialWorkAssistant),
        _ => ("Social worker", Roles.SocialWorker),
    };

    private static string Stamp(int seed, long n) => DeterministicGuid.Create(seed, IdKinds.Stamp, n).ToString("N").ToUpperInvariant();

    internal static string Slug(string name) => new(name.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
}
