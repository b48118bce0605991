using System.Net;
using System.Text.RegularExpressions;

namespace Safeguard.Benchmarks.Pages;

/// <summary>
/// Talks to the running app as a browser does: keeps cookies, signs in through the form with its antiforgery token,
/// follows no redirects (a redirect where a page was expected is a failure, as is any status but 200).
/// </summary>
public sealed partial class BrowserClient : IDisposable
{
    private readonly HttpClient http;

    public BrowserClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task SignInAsync(string email, string password)
    {
        var form = await GetAsync("/sign-in");
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on /sign-in");
        using var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}, Location {response.Headers.Location}");
        }
    }

    /// <summary>GETs the page and returns its HTML; throws on any status but 200.</summary>
    public async Task<string> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.StatusCode}, Location "
                + $"{response.Headers.Location}; {body[..Math.Min(body.Length, 300)]}");
        }
        return body;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
