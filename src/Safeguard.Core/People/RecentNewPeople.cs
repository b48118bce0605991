using Safeguard.Core.FrontDoor;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

/// <summary>A person contact intake has just added, as the matching engine sees them.</summary>
public sealed class NewPerson
{
    internal NewPerson(Guid personId, NewChild child)
    {
        PersonId = personId;
        Name = $"{child.GivenName} {child.FamilyName}".Trim();
        Record = PersonCandidates.ToRecord(PersonQuery.From(child)) with { Id = personId.ToString() };
        Keys = BlockKeys.Of(child);
        Particulars = IndexedPersonLinker.Particulars(child);
    }

    public Guid PersonId { get; }
    internal string Name { get; }
    internal PersonRecord Record { get; }
    internal BlockKeys Keys { get; }
    internal MatchParticulars Particulars { get; }
}

/// <summary>The cheap keys the database blocks on (see <see cref="PersonCandidates"/>): only people sharing one are scored.</summary>
internal sealed record BlockKeys(DateOnly? DateOfBirth, string? Family, string? Given, string? NhsNumber, string? Postcode)
{
    public static BlockKeys Of(NewChild child) => new(
        child.DateOfBirth ?? child.ExpectedDateOfBirth,
        PersonKeys.Name(child.FamilyName),
        PersonKeys.Name(child.GivenName),
        Identifiers.NhsNumber.TryParse(child.NhsNumber, out var nhs) ? nhs.Value : null,
        Identifiers.Postcode.TryParse(child.Postcode, out var postcode) ? postcode.Value : null);

    public bool SharesABlockWith(BlockKeys other)
    {
        if (NhsNumber is not null && NhsNumber == other.NhsNumber) return true;
        var nameSound = (Family is not null && (Family == other.Family || Family == other.Given))
            || (Given is not null && (Given == other.Given || Given == other.Family));
        if (DateOfBirth is { } dob && other.DateOfBirth is { } theirs && dob.Year == theirs.Year && nameSound) return true;
        if (Postcode is not null && Postcode == other.Postcode && (nameSound || DateOfBirth == other.DateOfBirth)) return true;
        return DateOfBirth is null && nameSound;
    }
}

/// <summary>
/// The people contact intake added most recently, each with a sequence number, held in memory once committed.
/// <para>
/// The partner API decides each child's link (<see cref="IPersonLinker.PlanAsync"/>, read-only) before the group-commit
/// writer's transaction begins, so the decision cannot see a person added after its read started: by a batch committed
/// since, or by an earlier contact in the same batch. The decision remembers the <see cref="Watermark"/> it started at;
/// before writing a "new person" decision the writer asks <see cref="Recheck"/> about the people added since (and those
/// staged earlier in its own transaction), so two referrals about the same new child arriving together still make one
/// record, or queue a possible duplicate as the linker would have.
/// </para>
/// People added outside intake in that window (a worker adding a family member, another server) are left to the
/// duplicate sweep, as before.
/// </summary>
public sealed class RecentNewPeople(PersonMatchingSettings settings)
{
    /// <summary>People held; a decision older than all of them is made again by the writer.</summary>
    public const int Capacity = 4096;

    private readonly Lock _gate = new();
    /// <summary>The person numbered n is at n % Capacity while held: the last <see cref="Capacity"/> numbers.</summary>
    private readonly NewPerson[] _people = new NewPerson[Capacity];
    private long _lastSequence;

    /// <summary>Everyone numbered at or below this has been forgotten (overwritten).</summary>
    private long ForgottenUpTo => Math.Max(0, _lastSequence - Capacity);

    /// <summary>
    /// Read before a link decision's database reads: every person numbered at or below it was committed before they began,
    /// so the decision saw them; anyone numbered above it must be checked again.
    /// </summary>
    public long Watermark => Interlocked.Read(ref _lastSequence);

    /// <summary>Holds people whose transaction has committed.</summary>
    public void Committed(IEnumerable<NewPerson> people)
    {
        lock (_gate)
        {
            foreach (var person in people)
            {
                _people[(_lastSequence + 1) % Capacity] = person;
                Interlocked.Increment(ref _lastSequence);
            }
        }
    }

    /// <summary>
    /// <paramref name="plan"/> for <paramref name="child"/>, decided having seen people up to <paramref name="watermark"/>,
    /// checked against everyone committed since and <paramref name="staged"/> (added earlier in the same transaction):
    /// a decisive match among them is linked instead of a new person; likely ones are queued for review with the
    /// others. Only decisive evidence links (<see cref="DecisiveMatchRule"/>), and only for a child no one chose a link for;
    /// a strong match short of it is queued for review too. Null when people committed since may no longer be held: the caller must decide again.
    /// </summary>
    public PersonLinkPlan? Recheck(PersonLinkPlan plan, NewChild child, long watermark, IReadOnlyCollection<NewPerson> staged)
    {
        if (plan.ExistingPersonId is not null) return plan;
        var keys = BlockKeys.Of(child);
        List<NewPerson> sharing;
        lock (_gate)
        {
            if (watermark < ForgottenUpTo) return null;
            sharing = [];
            for (var n = watermark + 1; n <= _lastSequence; n++)
            {
                if (keys.SharesABlockWith(_people[n % Capacity].Keys)) sharing.Add(_people[n % Capacity]);
            }
        }
        foreach (var person in staged)
        {
            if (keys.SharesABlockWith(person.Keys)) sharing.Add(person);
        }
        if (sharing.Count == 0) return plan;

        var target = PersonMatcher.Prepare(PersonCandidates.ToRecord(PersonQuery.From(child)));
        var scored = sharing
            .Select(p => (Person: p, Comparison: PersonMatcher.Compare(target, p.Record, settings.Model, settings.Thresholds)))
            .Where(s => PersonCandidates.IsWorthShowing(s.Comparison))
            .OrderByDescending(s => s.Comparison.Score)
            .ToList();
        if (child.Link.Kind == LinkChoiceKind.NotChosen
            && DecisiveMatchRule.SingleDecisive(IndexedPersonLinker.Particulars(child), sharing.Select(p => (p.PersonId, p.Particulars))) is { } decisive)
        {
            return PersonLinkPlan.Existing(decisive);
        }
        if (scored.Count == 0) return plan;
        var possible = scored.Select(s => new PossibleMatch(s.Person.PersonId, s.Person.Name, s.Comparison.Score,
            s.Comparison.Band.ToString(), PersonCandidates.ExplanationJson(s.Comparison.Explanation)));
        return PersonLinkPlan.New(plan.PossibleMatches.Concat(possible)
            .OrderByDescending(m => m.Score)
            .DistinctBy(m => m.PersonId)
            .Take(IndexedPersonLinker.MaxQueuedPerPerson)
            .ToList());
    }
}
