using System.Net;
using System.Text.RegularExpressions;
using CsCheck;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>One generated GET: which page, which query parameters with which values, and whether an id in its address
/// is swapped for another (someone else's record, another team, a made-up or malformed id).</summary>
public sealed record PageInput(int Page, (int Name, int Value)[] Query, int IdSwap);

/// <summary>Opens every page of the matrix with odd query strings and other people's ids: never a 5xx.</summary>
public sealed partial class PageFuzzer(FuzzApp app)
{
    /// <summary>Query names any list, filter or report might read, beside the ones the page's own GET forms send.</summary>
    private static readonly string[] CommonNames =
    [
        "pageNumber", "page", "pageSize", "sort", "order", "direction", "q", "from", "to", "since", "date", "kind", "status",
        "team", "teamId", "worker", "workerId", "user", "organisation", "priority", "filter", "point", "handler", "returnUrl",
        "From.Day", "From.Month", "From.Year", "To.Day", "To.Month", "To.Year", "year", "month", "id",
    ];

    public int Sent;

    public Gen<PageInput> Inputs() => Gen.Select(
        Gen.Int[0, app.Pages.Count - 1],
        Gen.Select(Gen.Int[0, 255], Gen.Int[0, app.Values.Count - 1]).Array[1, 4],
        Gen.Frequency((3, Gen.Const(-1)), (1, Gen.Int[0, app.Values.Count - 1])),
        (page, query, swap) => new PageInput(page, query, swap));

    public string Print(PageInput input) => $"{app.Pages[input.Page].Role} GET {Address(input)}";

    public async Task GetAsync(PageInput input)
    {
        var (role, _) = app.Pages[input.Page];
        var client = await app.ClientAsync(role);
        var address = Address(input);
        Interlocked.Increment(ref Sent);
        var response = await client.GetAsync(address);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, $"{role} GET {address}: {(body.Length > 3000 ? body[..3000] : body)}");
        if (response.StatusCode == HttpStatusCode.Redirect && role != "Anonymous"
            && response.Headers.Location?.OriginalString.StartsWith("/sign-in", StringComparison.Ordinal) == true)
        {
            await app.SignInAgainAsync(role);
        }
    }

    private string Address(PageInput input)
    {
        var path = app.Pages[input.Page].Path;
        if (input.IdSwap >= 0 && AnId().Match(path) is { Success: true } id)
        {
            // A value that is not a Guid does not match the route: a 404, as for any unknown address.
            path = path[..id.Index] + FuzzValues.PathSegment(app.Values[input.IdSwap]) + path[(id.Index + id.Length)..];
        }
        var names = CommonNames.Concat(app.QueryNames.GetValueOrDefault(app.Pages[input.Page].Path, []))
            .Concat(QueryNamesIn(path)).Distinct().ToList();
        // Long values are cut: an address over the server's limit is refused before the app sees it (414), which tests nothing.
        var query = input.Query.Select(q => (Name: names[q.Name % names.Count], Value: app.Values[q.Value]))
            .Select(q => $"{FuzzValues.PercentEncode(q.Name)}={FuzzValues.Encode(q.Value.Length > 2_000 ? q.Value[..2_000] : q.Value)}");
        return path + (path.Contains('?') ? "&" : "?") + string.Join("&", query);
    }

    private static IEnumerable<string> QueryNamesIn(string path) =>
        path.Contains('?') ? path[(path.IndexOf('?') + 1)..].Split('&').Select(p => Uri.UnescapeDataString(p.Split('=')[0])) : [];

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex AnId();
}
