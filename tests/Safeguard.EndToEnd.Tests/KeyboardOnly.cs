using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Drives a page the way someone without a mouse does: Tab to a control, type, Space to tick, arrow keys within a
/// group of radios, Enter to send or follow. Focus is found with <c>:focus</c> selectors, which work with JavaScript
/// off as well as on.
/// </summary>
public static class KeyboardOnly
{
    private const int MostTabs = 400;

    /// <summary>Presses Tab until <paramref name="focused"/> (a locator that matches only while focused) matches.</summary>
    public static async Task TabUntilAsync(IPage page, ILocator focused, string what)
    {
        for (var presses = 0; presses < MostTabs; presses++)
        {
            if (await focused.CountAsync() > 0) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {what} on {page.Url} in {MostTabs} presses");
    }

    private static async Task<ILocator> FocusedAsync(IPage page, ILocator field)
    {
        var id = await field.GetAttributeAsync("id") ?? throw new Xunit.Sdk.XunitException($"A field on {page.Url} has no id");
        return page.Locator($"[id='{id}']:focus");
    }

    /// <summary>Tabs to a text box and types into it.</summary>
    public static async Task TypeAsync(IPage page, ILocator field, string text)
    {
        await TabUntilAsync(page, await FocusedAsync(page, field), "a text box");
        await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>Tabs to a checkbox and ticks it with Space.</summary>
    public static async Task TickAsync(IPage page, ILocator checkbox)
    {
        await TabUntilAsync(page, await FocusedAsync(page, checkbox), "a checkbox");
        await page.Keyboard.PressAsync("Space");
    }

    /// <summary>Tabs into the radio's group and moves with the arrow keys to it.</summary>
    public static async Task ChooseAsync(IPage page, ILocator radio)
    {
        var group = await radio.GetAttributeAsync("name") ?? throw new Xunit.Sdk.XunitException($"A radio on {page.Url} has no name");
        await TabUntilAsync(page, page.Locator($"input[name='{group}']:focus"), $"the radios {group}");
        var wanted = await FocusedAsync(page, radio);
        for (var presses = 0; presses < 20 && await wanted.CountAsync() == 0; presses++) await page.Keyboard.PressAsync("ArrowDown");
        if (await wanted.CountAsync() == 0) throw new Xunit.Sdk.XunitException($"The arrow keys never reached the radio wanted in {group}");
        await page.Keyboard.PressAsync("Space");
    }

    /// <summary>Tabs to a button or link (matched by its words) and presses Enter.</summary>
    public static Task PressAsync(IPage page, string selector, string words) =>
        PressAsync(page, page.Locator($"{selector}:focus", new() { HasText = words }), $"\"{words}\"");

    /// <summary>Tabs until <paramref name="focused"/> (a locator that matches only while focused) matches, and presses Enter.</summary>
    public static async Task PressAsync(IPage page, ILocator focused, string what)
    {
        await TabUntilAsync(page, focused, what);
        await page.Keyboard.PressAsync("Enter");
    }
}
