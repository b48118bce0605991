namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// Two people at once, for real: each signed-in client fetches its form page (and so its own antiforgery token), then
/// both posts are released together by one barrier and run concurrently through the real app and database. Use it for
/// any page two people can act on at the same moment (see docs/concurrency.md):
/// <code>
/// var (a, b) = await AtOnce.PostAsync(tom, priya, $"/front-door/contacts/{id}", decideForm, decideForm);
/// </code>
/// Run it for <see cref="Rounds"/> fresh records: one round can pass by luck, eight in a row do not.
/// </summary>
public static class AtOnce
{
    /// <summary>How many races a test runs (each on its own fresh record). The double decision was reproduced 8 times in 8.</summary>
    public const int Rounds = 8;

    /// <summary>
    /// Posts <paramref name="formA"/> as <paramref name="clientA"/> to <paramref name="urlA"/> and <paramref name="formB"/>
    /// as <paramref name="clientB"/> to <paramref name="urlB"/> (default: the same address) at the same moment, each with
    /// the antiforgery token and hidden inputs (such as the version of the record it showed) of its own GET of
    /// <paramref name="formPage"/> (default: <paramref name="urlA"/>), as two browsers would. The same
    /// client twice is one person double-clicking. Returns both responses (redirects are not followed).
    /// </summary>
    public static async Task<(HttpResponseMessage A, HttpResponseMessage B)> PostAsync(HttpClient clientA, HttpClient clientB, string urlA,
        IReadOnlyDictionary<string, string> formA, IReadOnlyDictionary<string, string> formB, string? urlB = null, string? formPage = null)
    {
        var page = formPage ?? urlA.Split('?')[0];
        var pageA = await clientA.GetStringAsync(page);
        var pageB = ReferenceEquals(clientA, clientB) ? pageA : await clientB.GetStringAsync(page);
        var bodyA = Body(pageA, urlA, formA);
        var bodyB = Body(pageB, urlB ?? urlA, formB);

        using var start = new Barrier(2);
        var a = Task.Run(() => { start.SignalAndWait(); return clientA.PostAsync(urlA, bodyA); });
        var b = Task.Run(() => { start.SignalAndWait(); return clientB.PostAsync(urlB ?? urlA, bodyB); });
        return (await a, await b);
    }

    /// <summary>Both responses, whichever came first: exactly one should have succeeded.</summary>
    public static IReadOnlyList<HttpResponseMessage> Both(this (HttpResponseMessage A, HttpResponseMessage B) pair) => [pair.A, pair.B];

    /// <summary>The form as each person's browser sends it: the hidden inputs of their own GET (the version they saw), then their fields.</summary>
    private static FormUrlEncodedContent Body(string page, string url, IReadOnlyDictionary<string, string> form) =>
        new(Html.AsPosted(page, url, form).Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page))));
}
