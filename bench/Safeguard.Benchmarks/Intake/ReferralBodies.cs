using System.Globalization;
using System.Text.Json;
using Safeguard.Benchmarks.Matching;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Benchmarks.Intake;

/// <summary>
/// The referrals one load worker sends, each different from every other in the run (warm-up included). Most are about
/// a child nobody has referred before, drawn from the synthetic UK population (<see cref="SyntheticPeople"/>: ~80 given
/// names per sex, ~190 surnames, births from 2010, postcodes across 15 towns), so the person index's blocks hold
/// what they would in a real area. <see cref="KnownShare"/> of them are about a child this worker referred earlier
/// (England's re-referral rate is about one in five), half exactly as before and half as another agency might record
/// the child (<see cref="SyntheticPeople.Corrupt"/>: a typo, a short name, day and month swapped, no NHS number).
/// </summary>
internal sealed class ReferralBodies(int worker, double knownShare, string? onePostcode)
{
    private readonly Random _random = new(1_000_003 * (worker + 1));
    private readonly List<PersonRecord> _referred = [];
    private int _made;

    public double KnownShare => knownShare;

    /// <summary>The JSON body of the next referral.</summary>
    public string Next()
    {
        var id = $"w{worker}-{_made++}";
        PersonRecord child;
        if (_referred.Count > 0 && _random.NextDouble() < knownShare)
        {
            var earlier = _referred[_random.Next(_referred.Count)];
            child = _random.Next(2) == 0 ? earlier : SyntheticPeople.Corrupt(earlier, _random, id);
        }
        else
        {
            do child = SyntheticPeople.Person(_random, id);
            while (child.DateOfBirth.Year < 2010); // the population has parents too; only children are referred
            _referred.Add(child);
        }
        return Body(child);
    }

    private string Body(PersonRecord child)
    {
        var d = child.DateOfBirth;
        var dob = new DateOnly(d.Year!.Value, d.Month!.Value, d.Day!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nhs = child.NhsNumber is { } n ? $"\"nhsNumber\":\"{n}\"," : "";
        return $$$"""
            {"children":[{"givenName":{{{Json(child.GivenName)}}},"familyName":{{{Json(child.FamilyName)}}},"dateOfBirth":"{{{dob}}}",
              "sex":"{{{(child.Sex == Sex.Female ? "female" : "male")}}}",{{{nhs}}}
              "address":{"line1":{{{Json(child.AddressLines.FirstOrDefault())}}},"town":{{{Json(child.Town)}}},"postcode":{{{Json(onePostcode ?? child.Postcode)}}}}}],
             "referrer":{"name":"DC Alex Moore","organisation":"Northbridge Police","role":"Detective constable",
              "email":"alex.moore@police.example","phone":"01234 567890"},
             "concern":"Officers attended a domestic incident at 02:00; the child was present and distressed. Neighbours report shouting most nights.",
             "categories":["domestic-abuse"],"injury":false,"immediateRisk":false,"parentsAware":true}
            """;
    }

    private static string Json(string? value) => JsonSerializer.Serialize(value ?? "");
}
