using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Safeguard.TestCommon.Crashing;

/// <summary>What came back for one request: an acknowledgement, or nothing the sender may rely on.</summary>
public enum Answer
{
    /// <summary>No answer, or one that acknowledges nothing (connection refused or reset, 5xx): send again.</summary>
    None,

    /// <summary>201 for a new referral; 302 (to the tray) for a decision recorded now.</summary>
    Recorded,

    /// <summary>200 with Idempotent-Replayed for a referral already recorded; 409 for a contact already decided.</summary>
    AlreadyDone,

    /// <summary>An answer that should never come for a resent request (e.g. 422: the key was used for another body).</summary>
    Wrong,
}

/// <summary>One partner API referral with its own Idempotency-Key; the same key and body are sent every time.</summary>
public sealed record ReferralPost(string Key, string Body);

/// <summary>One screening decision form post about a contact, with the contact's version as the form showed it.</summary>
public sealed record DecisionPost(Guid ContactId, int Version, string Outcome, string Reasons);

/// <summary>The partner API as a partner's system calls it: bearer key, JSON body, Idempotency-Key.</summary>
public sealed class PartnerClient(Uri address, string key) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 16 })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<(Answer Answer, Guid? ContactId, int Status)> PostAsync(ReferralPost post, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(post.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("Idempotency-Key", post.Key);
        try
        {
            using var response = await _http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            return status switch
            {
                201 => (Answer.Recorded, IdOf(text), status),
                200 => (Answer.AlreadyDone, IdOf(text), status),
                >= 500 => (Answer.None, null, status),
                _ => (Answer.Wrong, null, status),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (Answer.None, null, 0);
        }
    }

    private static Guid IdOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("id").GetGuid();

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// A front-door worker in a browser without JavaScript: signs in through the form (cookie + antiforgery token) and
/// posts decisions. A session or token the restarted server no longer accepts is answered by signing in again.
/// </summary>
public sealed partial class FrontDoorClient(Uri address, string email, string password) : IDisposable
{
    private HttpClient? _http;

    public async Task<(Answer Answer, int Status)> DecideAsync(DecisionPost post, CancellationToken ct = default)
    {
        HttpClient? http = null;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                http = _http ??= await SignInAsync(ct);
                var path = $"/front-door/contacts/{post.ContactId}";
                var token = await TokenAsync(http, path, ct);
                using var response = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Version"] = post.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Outcome"] = post.Outcome,
                    ["Reasons"] = post.Reasons,
                }), ct);
                var status = (int)response.StatusCode;
                var toSignIn = response.Headers.Location?.OriginalString.Contains("/sign-in", StringComparison.OrdinalIgnoreCase) == true;
                if ((toSignIn || status == 400) && attempt == 0)
                {
                    Forget(http);
                    continue;
                }
                return status switch
                {
                    302 when !toSignIn => (Answer.Recorded, status),
                    409 => (Answer.AlreadyDone, status),
                    >= 500 => (Answer.None, status),
                    _ => (Answer.Wrong, status),
                };
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or SignInRefusedException
                                   && !ct.IsCancellationRequested)
        {
            Forget(http);
            return (Answer.None, 0);
        }
    }

    /// <summary>
    /// Signs in afresh at the next decision. Several decisions share the client at once, so the one given up is not
    /// disposed here (another may still be using it) and only if it is still the current one.
    /// </summary>
    private void Forget(HttpClient? used)
    {
        if (used is not null) Interlocked.CompareExchange(ref _http, null, used);
    }

    private async Task<HttpClient> SignInAsync(CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            var token = await TokenAsync(http, "/sign-in", ct);
            using var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Email"] = email,
                ["Password"] = password,
            }), ct);
            if (response.StatusCode != HttpStatusCode.Redirect) throw new SignInRefusedException((int)response.StatusCode);
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if ((int)response.StatusCode >= 500) throw new HttpRequestException($"GET {path}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync(ct);
        var match = Token().Match(html);
        if (!match.Success) match = TokenOtherOrder().Match(html);
        return match.Success ? match.Groups[1].Value : throw new HttpRequestException($"GET {path}: {(int)response.StatusCode}, no antiforgery token");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenOtherOrder();

    public void Dispose() => _http?.Dispose();

    private sealed class SignInRefusedException(int status) : Exception($"Sign-in answered {status}");
}
