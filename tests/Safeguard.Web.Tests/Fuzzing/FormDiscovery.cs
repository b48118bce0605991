using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>A field of a form as the page shows it: its name, what kind of control, the choices it offers and its value.</summary>
public sealed record FormField(string Name, string Kind, IReadOnlyList<string> Options, string Value)
{
    public bool IsText => Kind is "text" or "textarea" or "email" or "tel" or "search" or "url";
}

/// <summary>One way to submit a form: who is signed in, the page it is on, where it posts (a button may post elsewhere).</summary>
public sealed record FormTarget(string Role, string Page, string Action, bool Multipart, IReadOnlyList<FormField> Fields)
{
    public override string ToString() => $"{Role} posting {Action} (form on {Page})";
}

/// <summary>Reads the forms of a page as a browser would: every POST form and every button's own address; GET forms' fields.</summary>
public static class FormDiscovery
{
    /// <summary>Forms that end the fuzzer's own session: posting them is not an input a page must survive but a sign-out.</summary>
    private static readonly string[] SessionEnders = ["/sign-out"];

    public static IEnumerable<FormTarget> PostTargets(string role, string page, string html)
    {
        foreach (var form in Html.Parse(html).Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var fields = Fields(form).ToList();
            var buttons = form.QuerySelectorAll("button[type=submit], button:not([type]), input[type=submit]").ToList();
            // Each button posts its own name and value (a decision, a handler) to its own address.
            var submissions = buttons.Select(b => (Action: b.GetAttribute("formaction") ?? action, Name: b.GetAttribute("name"), Value: b.GetAttribute("value") ?? ""))
                .Append((Action: action, Name: null, Value: "")).Distinct();
            foreach (var (target, name, value) in submissions.Where(s => !SessionEnders.Any(e => s.Action.Split('?')[0] == e)))
            {
                var posted = name is { Length: > 0 } ? [.. fields.Where(f => f.Name != name), new FormField(name, "button", [value], value)] : fields;
                yield return new FormTarget(role, page, target, multipart, posted);
            }
        }
    }

    /// <summary>The names a page's GET forms (filters, searches) put in the query string.</summary>
    public static IEnumerable<string> QueryNames(string html) =>
        Html.Parse(html).Forms.Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            .SelectMany(Fields).Select(f => f.Name).Distinct();

    private static IEnumerable<FormField> Fields(IHtmlFormElement form)
    {
        var seen = new HashSet<string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken" || !seen.Add(name)) continue;
            switch (element)
            {
                case IHtmlTextAreaElement textarea:
                    yield return new FormField(name, "textarea", [], textarea.Value);
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.Select(o => o.Value).ToList();
                    yield return new FormField(name, "select", options, select.Value ?? options.FirstOrDefault() ?? "");
                    break;
                case IHtmlInputElement input when input.Type is "radio" or "checkbox":
                    var group = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == name).ToList();
                    var choices = group.Select(i => i.Value).ToList();
                    var chosen = group.FirstOrDefault(i => i.IsChecked)?.Value ?? (input.Type == "radio" ? choices.FirstOrDefault() ?? "" : "");
                    yield return new FormField(name, input.Type, choices, chosen);
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image":
                    break;
                case IHtmlInputElement input:
                    yield return new FormField(name, input.Type ?? "text", [], input.Value);
                    break;
            }
        }
    }
}
