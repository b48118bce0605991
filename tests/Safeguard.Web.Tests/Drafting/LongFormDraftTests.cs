using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Drafting;

/// <summary>
/// The long forms of a case (assessment, strategy discussion, review conference; the initial conference and supervision
/// have theirs beside their other tests) keep what their writer typed as a draft, and
/// give it back when the form is opened again; nobody else opening the form sees it.
/// </summary>
public sealed class LongFormDraftTests(PageAccessTests.Fixture app) : IClassFixture<PageAccessTests.Fixture>
{
    public static TheoryData<string, string> Forms() => new()
    {
        { "/assessments/{assessment}", AllocationArrange.Sam },
        { "/children/{strategyChild}/strategy-discussions/new", Core.Seeding.DemoAccounts.ForRole(Roles.SocialWorker).Email },
        { "/plans/{plan}/review", Core.Seeding.DemoAccounts.ForRole(Roles.ConferenceChair).Email },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task WhatWasTyped_IsKept_AndTheFormOpensWithIt_ForItsWriterOnly(string path, string writer)
    {
        var form = await app.ResolveAsync(path);
        var client = await app.SignInAsync(writer);

        var reopened = await DraftProbe.SaveAndReopenAsync(client, form);

        DraftProbe.ShouldHaveTheDraft(reopened, form);
        var manager = await app.SignInAsync(Core.Seeding.DemoAccounts.ForRole(Roles.TeamManager).Email);
        var theirs = await manager.GetAsync(form);
        if (theirs.IsSuccessStatusCode)
            Html.Parse(await theirs.Content.ReadAsStringAsync()).QuerySelector("[data-testid=draft-restored]").ShouldBeNull();
    }
}
