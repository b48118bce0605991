using System.Net;
using System.Text;
using CsCheck;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>
/// One generated post of a form: which form, which few fields get which values from <see cref="FuzzValues"/> (or every
/// field at once), one change to the form's shape, and whether the page is opened again first for fresh hidden values.
/// All numbers, so that CsCheck shrinks a failure towards the first form, the plainest value and no change of shape.
/// </summary>
public sealed record FormInput(int Target, (int Field, int Value)[] Changes, bool EveryField, int Shape, int ShapeValue, bool Fresh);

/// <summary>Posts generated forms and checks the answers: never 5xx; a 400 page says what is wrong and keeps what was typed.</summary>
public sealed class FormFuzzer(FuzzApp app)
{
    /// <summary>Changes to the form's shape: 0 none (most posts), then a field left out, sent twice, at a huge index, a
    /// flood of extra fields, an unknown handler, and ids slipped in under names a page might bind.</summary>
    private const int Shapes = 7;

    private static readonly string[] SlippedNames = ["Id", "PersonId", "ChildId", "UserId", "TeamId", "OrganisationId", "ContactId", "WorkerId", "Version", "handler"];

    /// <summary>The status page's words when it has nothing clearer to say: never the answer to a post that could not be read.</summary>
    private const string GenericProblem = "Sorry, there is a problem";

    public int Sent;

    public Gen<FormInput> Inputs()
    {
        var change = Gen.Select(Gen.Int[0, 63], Gen.Int[0, app.Values.Count - 1]);
        return Gen.Select(
            Gen.Int[0, app.Forms.Count - 1],
            change.Array[1, 4],
            Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
            Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[1, Shapes - 1])),
            Gen.Int[0, app.Values.Count - 1],
            Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
            (target, changes, every, shape, shapeValue, fresh) => new FormInput(target, changes, every, shape, shapeValue, fresh));
    }

    public string Print(FormInput input)
    {
        var target = app.Forms[input.Target];
        var (fields, action) = Build(target, input, new Dictionary<string, string>());
        return $"{target} as {action}: " + string.Join(", ", fields.Select(f => $"{f.Key}={Show(f.Value)}")) + $" (fresh page: {input.Fresh})";
    }

    public async Task PostAsync(FormInput input)
    {
        var target = app.Forms[input.Target];
        var client = await app.ClientAsync(target.Role);
        var hidden = new Dictionary<string, string>();
        if (input.Fresh)
        {
            var page = await client.GetAsync(target.Page);
            if (page.StatusCode == HttpStatusCode.OK)
            {
                var html = await page.Content.ReadAsStringAsync();
                foreach (var (name, value) in Html.HiddenFields(html, target.Action)) hidden[name] = value;
            }
        }
        var (fields, action) = Build(target, input, hidden);
        var token = app.Tokens.GetValueOrDefault(target.Role, "");
        using HttpContent content = target.Multipart ? Multipart(token, target, fields) : UrlEncoded(token, fields);
        Interlocked.Increment(ref Sent);
        var response = await client.PostAsync(action, content);
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBeLessThan(500, $"{target} answered {(int)response.StatusCode}: {Excerpt(body)}");
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/sign-in", StringComparison.Ordinal) == true
            && target.Role != "Anonymous")
        {
            await app.SignInAgainAsync(target.Role);
            return;
        }
        if (response.StatusCode != HttpStatusCode.BadRequest) return;

        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html", $"{target}: a 400 that is not a page: {Excerpt(body)}");
        var answer = Html.Parse(body);
        if (answer.QuerySelector(".govuk-error-summary__list li") is null)
        {
            // Not a form shown again but the status page: a post that could not be read at all (too many fields, say).
            (answer.QuerySelector("h1")?.TextContent.Trim() ?? "").ShouldNotBeOneOf(["", GenericProblem], $"{target}: a 400 page that says nothing clear: {Excerpt(body)}");
            return;
        }
        foreach (var (name, sent) in TypedText(target, input, fields))
        {
            var shown = answer.QuerySelectorAll($"textarea, input").FirstOrDefault(e => e.GetAttribute("name") == name);
            if (shown is null) continue; // The page answered with a different form (a next step); nothing to keep.
            var value = shown is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : shown.GetAttribute("value") ?? "";
            FuzzValues.Normalise(value).ShouldBe(FuzzValues.Normalise(sent), $"{target}: the 400 page lost what was typed in {name}");
        }
    }

    /// <summary>The text fields whose typed value a 400 page must show again: changed once, echoable, sent once.</summary>
    private static IEnumerable<(string Name, string Value)> TypedText(FormTarget target, FormInput input, List<KeyValuePair<string, string>> fields)
    {
        var texts = target.Fields.Where(f => f.IsText).Select(f => f.Name).ToHashSet();
        return fields.GroupBy(f => f.Key).Where(g => g.Count() == 1 && texts.Contains(g.Key) && FuzzValues.Echoable(g.Single().Value))
            .Select(g => (g.Key, g.Single().Value));
    }

    /// <summary>The fields as posted, in order, and the address: plausible values everywhere, then the input's changes.</summary>
    private (List<KeyValuePair<string, string>> Fields, string Action) Build(FormTarget target, FormInput input, Dictionary<string, string> hidden)
    {
        var values = target.Fields.Select(f => (f.Name, Value: hidden.GetValueOrDefault(f.Name, Plausible(f)))).ToList();
        if (values.Count > 0)
        {
            if (input.EveryField)
            {
                for (var i = 0; i < values.Count; i++) values[i] = (values[i].Name, app.Values[input.Changes[i % input.Changes.Length].Value + i * 31]);
            }
            foreach (var (field, value) in input.Changes)
            {
                var i = field % values.Count;
                values[i] = (values[i].Name, app.Values[value]);
            }
        }
        var posted = values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).ToList();
        var action = target.Action;
        var shapeValue = app.Values[input.ShapeValue];
        var pick = posted.Count == 0 ? -1 : input.ShapeValue % posted.Count;
        switch (input.Shape)
        {
            case 1 when pick >= 0:
                posted.RemoveAt(pick);
                break;
            case 2 when pick >= 0:
                posted.Add(new(posted[pick].Key, shapeValue));
                break;
            case 3:
                var name = posted.Select(p => p.Key).FirstOrDefault(k => k.Contains('[')) ?? "Form.Children[0].GivenName";
                var index = new[] { "2147483647", "-1", "99999", "2147483648", "x" }[input.ShapeValue % 5];
                posted.Add(new(System.Text.RegularExpressions.Regex.Replace(name, @"\[\d+\]", $"[{index}]"), shapeValue));
                break;
            case 4:
                posted.AddRange(Enumerable.Range(0, 1_100).Select(i => new KeyValuePair<string, string>($"extra{i}", "x")));
                break;
            case 5:
                action += (action.Contains('?') ? "&" : "?") + "handler=" + FuzzValues.PercentEncode(shapeValue.Length > 100 ? shapeValue[..100] : shapeValue);
                break;
            case 6:
                posted.Add(new(SlippedNames[input.ShapeValue % SlippedNames.Length], shapeValue));
                break;
        }
        return (posted, action);
    }

    /// <summary>A value that passes the usual checks, so that one changed field reaches the rules and the database behind it.</summary>
    private static string Plausible(FormField field)
    {
        if (field.Value is { Length: > 0 } || field.Kind is "hidden" or "checkbox" or "radio" or "select" or "button" or "file") return field.Value;
        var name = field.Name.ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith("day", StringComparison.Ordinal) => "2",
            _ when name.EndsWith("month", StringComparison.Ordinal) => "2",
            _ when name.EndsWith("year", StringComparison.Ordinal) => "2026",
            _ when name.EndsWith("hour", StringComparison.Ordinal) => "9",
            _ when name.EndsWith("minute", StringComparison.Ordinal) => "30",
            _ when name.Contains("email") || field.Kind == "email" => "fuzz@example.org",
            _ when name.Contains("postcode") => "NB1 1AA",
            _ when name.Contains("phone") || field.Kind == "tel" => "01234 567890",
            _ when name.Contains("password") => "",
            _ when field.Kind == "number" => "1",
            _ when field.Kind == "textarea" => "Written by the fuzzer: a plausible account in a few words.",
            _ => "Fuzz",
        };
    }

    private static FormUrlEncodedLike UrlEncoded(string token, List<KeyValuePair<string, string>> fields) => new(token, fields);

    /// <summary>A file-upload form: a file input's generated value becomes the file's name (the browser sends any name).</summary>
    private static MultipartFormDataContent Multipart(string token, FormTarget target, List<KeyValuePair<string, string>> fields)
    {
        var files = target.Fields.Where(f => f.Kind == "file").Select(f => f.Name).ToHashSet();
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            var text = FuzzValues.IsRaw(value) ? value[FuzzValues.RawPrefix.Length..] : value;
            if (files.Contains(name)) body.Add(new ByteArrayContent("%PDF-1.7 fuzz"u8.ToArray()), name, text is { Length: > 0 } ? text : "fuzz.pdf");
            else body.Add(new StringContent(text), name);
        }
        return body;
    }

    private static string Show(string value) =>
        value.Length > 60 ? $"\"{value[..20]}…\" ({value.Length:N0} characters)" : $"\"{value.Replace("\0", "\\0")}\"";

    private static string Excerpt(string body) => body.Length > 3000 ? body[..3000] : body;
}

/// <summary>application/x-www-form-urlencoded written by hand, so that raw (already encoded, even broken) values go as they are.</summary>
public sealed class FormUrlEncodedLike : StringContent
{
    public FormUrlEncodedLike(string token, IEnumerable<KeyValuePair<string, string>> fields) : base(Body(token, fields))
    {
        // As a browser sends it: no charset, so the server reads the percent-encoded bytes as UTF-8.
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
    }

    private static string Body(string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => $"{FuzzValues.PercentEncode(f.Key)}={FuzzValues.Encode(f.Value)}")
            .Prepend($"__RequestVerificationToken={FuzzValues.PercentEncode(token)}"));
}
