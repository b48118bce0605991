using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Counts what a journey costs the person doing it: the pages the browser loads, the fields they fill in, tick or
/// choose, and the buttons and links they press. A journey does every action through this recorder, so the counts are
/// the journey's own; pages are counted by watching the browser, not the script.
/// </summary>
/// <remarks>
/// A page load is a document the server sends to the main frame: following a link is one, and sending a form that
/// answers with a redirect is one (the page it leads to), not two. Results fetched by script (live search, the
/// contact form's offers of known children) and jumps within a page are not page loads. A field is one box typed into,
/// one radio button or checkbox chosen, or one option selected: a date is three boxes. A field the page fills in
/// already (today's date, say) costs nothing unless the journey changes it.
/// </remarks>
public sealed class JourneyEffort : IDisposable
{
    private readonly IPage _page;
    private int _pages;

    public JourneyEffort(string journey, IPage page)
    {
        Journey = journey;
        _page = page;
        _page.Response += CountDocument;
    }

    public string Journey { get; }
    public int Pages => _pages;
    public int Fields { get; private set; }
    public int Clicks { get; private set; }

    /// <summary>A button or link pressed.</summary>
    public async Task ClickAsync(ILocator target)
    {
        Clicks++;
        await target.ClickAsync();
    }

    /// <summary>A box typed into.</summary>
    public async Task FillAsync(ILocator box, string text)
    {
        Fields++;
        await box.FillAsync(text);
    }

    /// <summary>A radio button or checkbox chosen.</summary>
    public async Task CheckAsync(ILocator choice)
    {
        Fields++;
        await choice.CheckAsync();
    }

    /// <summary>A date typed into its three boxes (day, month and year), named <paramref name="name"/>.Day and so on.</summary>
    public async Task FillDateAsync(string name, DateOnly day)
    {
        await FillAsync(_page.Locator($"[name='{name}.Day']"), day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await FillAsync(_page.Locator($"[name='{name}.Month']"), day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await FillAsync(_page.Locator($"[name='{name}.Year']"), day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One line of the table in docs/journey-effort.md.</summary>
    public string TableRow => $"| {Journey} | {Pages} | {Fields} | {Clicks} |";

    /// <summary>
    /// Fails when the journey now costs more than its budget, saying which count grew; and when it costs less, so that
    /// the budget (and the table in docs/journey-effort.md) comes down with it and the saving is kept. A recorder that
    /// stopped counting would fail here too.
    /// </summary>
    public void ShouldMeetBudget(int pages, int fields, int clicks)
    {
        var over = new List<string>();
        var under = new List<string>();
        Compare("pages", Pages, pages);
        Compare("fields", Fields, fields);
        Compare("clicks", Clicks, clicks);
        over.ShouldBeEmpty($"\"{Journey}\" costs more than its budget: {string.Join(", ", over)}. " +
            "Cut the step, or justify it and raise the budget in the test and in docs/journey-effort.md.");
        under.ShouldBeEmpty($"\"{Journey}\" costs less than its budget: {string.Join(", ", under)}. " +
            "Lower the budget in the test and in docs/journey-effort.md to keep the saving.");

        void Compare(string what, int counted, int budget)
        {
            if (counted > budget) over.Add($"{counted} {what} (budget {budget})");
            if (counted < budget) under.Add($"{counted} {what} (budget {budget})");
        }
    }

    public void Dispose() => _page.Response -= CountDocument;

    private void CountDocument(object? sender, IResponse response)
    {
        var request = response.Request;
        if (!request.IsNavigationRequest || request.Frame != _page.MainFrame) return;
        if (response.Status is >= 300 and < 400) return; // the redirect after a form: its page is the load
        Interlocked.Increment(ref _pages);
    }
}
