using Safeguard.Core.Drafts;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Drafting;

/// <summary>Drafts of long forms: one per person and form, replaced as they type, read only by their owner, discarded.</summary>
public sealed class FormDraftsTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private const string Form = "/children/00000000-0000-0000-0000-000000000001/case-notes/new";

    private Core.Data.SafeguardDbContext Context() => demo.Database.CreateContext(demo.Time);

    [Fact]
    public async Task ADraftIsKeptPerPersonAndForm_ReplacedByTheLatest_AndDiscarded()
    {
        var worker = Guid.NewGuid();
        var colleague = Guid.NewGuid();
        await using (var db = Context())
        {
            var drafts = new FormDrafts(db);
            (await drafts.SaveAsync(worker, Form, new Dictionary<string, string[]> { ["Note"] = ["First words"] })).ShouldBe(DraftSave.Saved);
            (await drafts.SaveAsync(worker, Form, new Dictionary<string, string[]> { ["Note"] = ["First words, and more"], ["Kind"] = ["Visit"] }))
                .ShouldBe(DraftSave.Saved);
        }

        await using (var db = Context())
        {
            var drafts = new FormDrafts(db);
            var kept = (await drafts.FindAsync(worker, Form)).ShouldNotBeNull();
            kept.Fields["Note"].ShouldBe(["First words, and more"]);
            kept.Fields["Kind"].ShouldBe(["Visit"]);
            kept.SavedAt.ShouldBe(demo.Time.GetUtcNow());
            (await drafts.FindAsync(colleague, Form)).ShouldBeNull();
            (await drafts.FindAsync(worker, "/children/other/case-notes/new")).ShouldBeNull();

            await drafts.DiscardAsync(worker, Form);
            (await drafts.FindAsync(worker, Form)).ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("https://elsewhere.example/form")]
    [InlineData("//elsewhere.example/form")]
    [InlineData("/\\elsewhere")]
    [InlineData("/children/1/case-notes/new?kind=Visit")]
    [InlineData("")]
    public async Task OnlyThisSitesFormsAreKept(string form)
    {
        await using var db = Context();
        (await new FormDrafts(db).SaveAsync(Guid.NewGuid(), form, new Dictionary<string, string[]> { ["Note"] = ["x"] })).ShouldBe(DraftSave.NotAForm);
    }

    [Fact]
    public async Task ADraftTooLongToKeep_IsRefused_NotCut()
    {
        await using var db = Context();
        var fields = new Dictionary<string, string[]> { ["Note"] = [new string('a', FormDraft.FieldsMaxLength)] };
        (await new FormDrafts(db).SaveAsync(Guid.NewGuid(), Form, fields)).ShouldBe(DraftSave.TooLong);
    }
}
