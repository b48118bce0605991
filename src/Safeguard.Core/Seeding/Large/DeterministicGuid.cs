namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// Guids derived from the seed, an entity kind and a counter (never <see cref="Guid.NewGuid"/>), so that the same
/// seed gives the same ids. The first 12 hex digits are the kind and the counter, so ids of one kind sort in the
/// order they were generated (cheap appends to the primary-key index); version 8 ("custom") with the RFC 4122 variant;
/// the last 7 bytes are a hash of seed, kind and counter.
/// </summary>
internal static class DeterministicGuid
{
    public static Guid Create(int seed, byte kind, long counter)
    {
        var hash = Mix(((ulong)(uint)seed << 32) ^ ((ulong)kind << 56) ^ (ulong)counter);
        var a = (kind << 24) | (int)((counter >> 16) & 0xFFFFFF);
        var b = (short)(counter & 0xFFFF);
        var c = (short)(0x8000 | (int)(Mix((ulong)(uint)seed) & 0x0FFF));
        return new Guid(a, b, c,
            (byte)(0x80 | (int)(hash & 0x3F)), (byte)(hash >> 8), (byte)(hash >> 16), (byte)(hash >> 24),
            (byte)(hash >> 32), (byte)(hash >> 40), (byte)(hash >> 48), (byte)(hash >> 56));
    }

    /// <summary>SplitMix64 finaliser.</summary>
    internal static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Entity kinds for <see cref="DeterministicGuid"/>.</summary>
internal static class IdKinds
{
    public const byte Team = 0x51, Organisation = 0x52, StaffUser = 0x53, Person = 0x54, PersonAddress = 0x55,
        Contact = 0x56, ContactChild = 0x57, Referral = 0x58, Assessment = 0x59, ChildPlan = 0x5A, WorkItem = 0x5B,
        Stamp = 0x5C, TrainingRecord = 0x5D, StaffAbsence = 0x5E, CaseAllocation = 0x5F, SupervisionRecord = 0x60,
        StrategyDiscussion = 0x61, StrategyParticipant = 0x62, Section47Enquiry = 0x63, Conference = 0x64, Role = 0x65;
}
