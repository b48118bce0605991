using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// axe-core runs by itself on every page a journey loads in a browser with JavaScript on, against WCAG 2.2 A and AA
/// rules, and with it a check that every control the page shows is reachable with the Tab key: the browser context injects axe before each document and reports its violations back when the page has
/// loaded. <see cref="BrowserFixture.WaitForPageAsync(IPage, Func{string, bool})"/> fails the journey on the first
/// violation found on any page that context has shown, and makes sure the page it waited for was checked.
/// </summary>
public sealed class AxeOnEveryPage
{
    public static readonly List<string> Rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static readonly ConditionalWeakTable<IBrowserContext, AxeOnEveryPage> Watched = new();
    private static readonly ConcurrentQueue<string> Unasserted = new();
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript() + $$"""

        // Every control a page shows can be reached with the Tab key, in the page's own order: none taken out of the tab
        // order, none put ahead of it, nothing clickable that is not a control (axe's WCAG rules leave these out).
        function keyboardProblems() {
          const shown = e => (e.offsetWidth || e.offsetHeight || e.getClientRects().length) && getComputedStyle(e).visibility !== 'hidden';
          const html = e => e.outerHTML.slice(0, 160);
          const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
          const problems = [];
          for (const e of document.querySelectorAll(controls)) {
            if (shown(e) && !e.disabled && (e.tabIndex < 0 || e.closest('[inert]')))
              problems.push('keyboard-unreachable: a control the Tab key skips (' + html(e) + ')');
          }
          for (const e of document.querySelectorAll('[tabindex]')) {
            if (e.tabIndex > 0) problems.push('keyboard-order: a positive tabindex puts this ahead of the page order (' + html(e) + ')');
          }
          const clickable = '[onclick], [role=button], [role=link], [role=checkbox], [role=radio], [role=tab], [role=menuitem], [role=switch]';
          for (const e of document.querySelectorAll(clickable)) {
            if (shown(e) && !e.matches(controls) && e.tabIndex < 0)
              problems.push('keyboard-unreachable: something to click that the keyboard cannot reach (' + html(e) + ')');
          }
          return problems;
        }

        if (window.top === window) {
          window.addEventListener('load', () => {
            axe.run(document, { runOnly: { type: 'tag', values: {{JsonSerializer.Serialize(Rules)}} }, resultTypes: ['violations'] })
              .then(r => window.__safeguardAxe(JSON.stringify({ url: location.href,
                violations: r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.html).join(', ') + ')')
                  .concat(keyboardProblems()) })))
              .catch(() => {});
          });
        }
        """);

    private readonly string _site;
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, long> _checkedAt = new();
    private long _navigations;

    /// <summary>How many pages have been checked, over every context (for the suite's summary).</summary>
    public static int PagesChecked => _pagesChecked;
    private static int _pagesChecked;

    private AxeOnEveryPage(string site) => _site = site;

    /// <summary>Watches the pages of <paramref name="site"/> (Safeguard's address): another's, such as a council's identity provider, are not Safeguard's to fix.</summary>
    public static async Task WatchAsync(IBrowserContext context, string site)
    {
        var watch = new AxeOnEveryPage(site);
        Watched.Add(context, watch);
        await context.ExposeBindingAsync<string>("__safeguardAxe", (_, report) => watch.Report(report));
        await context.AddInitScriptAsync(Script.Value);
        context.Page += (_, page) => page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) Interlocked.Increment(ref watch._navigations);
        };
    }

    private sealed record Found(string Url, string[] Violations);

    private void Report(string json)
    {
        var report = JsonSerializer.Deserialize<Found>(json, JsonSerializerOptions.Web)!;
        var url = report.Url;
        if (!url.StartsWith(_site, StringComparison.Ordinal)) return;
        Interlocked.Increment(ref _pagesChecked);
        foreach (var found in report.Violations)
        {
            _violations.Enqueue($"axe-core on {url}: {found}");
            Unasserted.Enqueue($"axe-core on {url}: {found}");
        }
        _checkedAt[url] = Interlocked.Read(ref _navigations);
    }

    /// <summary>
    /// Waits a little for the automatic check of the page the browser is on, runs one itself if none came (a page the
    /// browser changed without loading a new document), and fails on any violation seen in this context so far.
    /// </summary>
    public static async Task CheckedAsync(IPage page)
    {
        if (!Watched.TryGetValue(page.Context, out var watch)) return;
        for (var waited = 0; waited < 300 && !watch.HasChecked(page.Url); waited++) await page.WaitForTimeoutAsync(100);
        if (!watch.HasChecked(page.Url)) await BrowserFixture.NoAxeViolationsAsync(page);
        var found = Drain(watch._violations);
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    /// <summary>
    /// Every violation found on a page no journey waited for, by the end of a test (tests of different classes run at
    /// once, so one may be reported at the end of the test that ran beside it; it names its page). The pages a test
    /// breaks on purpose (<c>/…-probe</c>) are left out, for that test alone to take with <paramref name="probes"/>.
    /// </summary>
    public static IReadOnlyList<string> NotYetAsserted(bool probes = false)
    {
        var found = new List<string>();
        var others = new List<string>();
        foreach (var one in Drain(Unasserted)) (IsOnProbe(one) == probes ? found : others).Add(one);
        foreach (var other in others) Unasserted.Enqueue(other);
        return found;
    }

    private static bool IsOnProbe(string finding) => finding.Contains("-probe: ", StringComparison.Ordinal);

    private static List<string> Drain(ConcurrentQueue<string> queue)
    {
        var found = new List<string>();
        while (queue.TryDequeue(out var one)) found.Add(one);
        return found;
    }

    private bool HasChecked(string url) => _checkedAt.TryGetValue(url, out var at) && at == Interlocked.Read(ref _navigations);
}
