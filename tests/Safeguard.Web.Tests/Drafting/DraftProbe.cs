using AngleSharp.Html.Dom;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Drafting;

/// <summary>
/// Types into every text box of a long form, keeps it as a draft as the "Save draft" button (or the script) does, and
/// opens the form again: what comes back is what was typed.
/// </summary>
public static class DraftProbe
{
    /// <summary>The text typed into the text box <paramref name="name"/>.</summary>
    public static string Typed(string name) => $"Half-way through writing {name}: kept as a draft";

    /// <summary>Saves a draft of the form at <paramref name="form"/>, every text box typed in, and returns the form opened again.</summary>
    public static async Task<IHtmlDocument> SaveAndReopenAsync(HttpClient client, string form)
    {
        var html = await client.GetStringAsync(form);
        var page = Html.Parse(html);
        var drafted = page.QuerySelector($"form[data-draft='{form}']");
        drafted.ShouldNotBeNull($"{form} keeps drafts (data-draft)");
        var boxes = TextBoxes(drafted);
        boxes.ShouldNotBeEmpty();
        var body = Html.AsPosted(html, form, boxes.ToDictionary(name => name, Typed));
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(html)));

        var saved = await client.PostAsync($"/drafts?form={Uri.EscapeDataString(form)}", new FormUrlEncodedContent(body));

        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"{form}?draft=saved");
        return Html.Parse(await client.GetStringAsync(form));
    }

    /// <summary>The names of the form's text boxes (text areas).</summary>
    public static IReadOnlyList<string> TextBoxes(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")!).ToList();

    /// <summary>The form came back with the draft notice and every text box as it was typed.</summary>
    public static void ShouldHaveTheDraft(IHtmlDocument reopened, string form)
    {
        reopened.QuerySelector("[data-testid=draft-restored]").ShouldNotBeNull();
        var drafted = reopened.QuerySelector($"form[data-draft='{form}']")!;
        foreach (var name in TextBoxes(drafted))
            drafted.QuerySelector($"textarea[name='{name}']")!.TextContent.ShouldBe(Typed(name), name);
    }
}
