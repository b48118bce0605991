using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Drafts;

public enum DraftSave { Saved, TooLong, NotAForm }

/// <summary>A kept draft: its fields by name, and when it was saved.</summary>
public sealed record KeptDraft(IReadOnlyDictionary<string, string[]> Fields, DateTimeOffset SavedAt);

/// <summary>
/// Keeps drafts of long forms on the server, one per person and form: saved as the person types (or presses "Save
/// draft"), read back when they open the form again, deleted when the form is saved or they discard it. A draft is only
/// ever read by the person who typed it.
/// </summary>
public sealed class FormDrafts(SafeguardDbContext db)
{
    public async Task<DraftSave> SaveAsync(Guid userId, string form, IReadOnlyDictionary<string, string[]> fields, CancellationToken ct = default)
    {
        if (!IsForm(form)) return DraftSave.NotAForm;
        var json = JsonSerializer.Serialize(fields);
        if (json.Length > FormDraft.FieldsMaxLength) return DraftSave.TooLong;
        var now = db.Time.GetUtcNow();
        var draft = await db.FormDrafts.SingleOrDefaultAsync(d => d.UserId == userId && d.Form == form, ct);
        if (draft is null) db.FormDrafts.Add(new FormDraft(userId, form, json, now));
        else draft.Replace(json, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same new draft at once (two quick keystrokes): the other one is kept, one keystroke older.
            db.ChangeTracker.Clear();
        }
        return DraftSave.Saved;
    }

    public async Task<KeptDraft?> FindAsync(Guid userId, string form, CancellationToken ct = default)
    {
        var draft = await db.FormDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == userId && d.Form == form, ct);
        return draft is null ? null : new KeptDraft(JsonSerializer.Deserialize<Dictionary<string, string[]>>(draft.Fields) ?? [], draft.SavedAt);
    }

    public Task DiscardAsync(Guid userId, string form, CancellationToken ct = default) =>
        db.FormDrafts.Where(d => d.UserId == userId && d.Form == form).ExecuteDeleteAsync(ct);

    /// <summary>A form's address on this site: a local path, no scheme or host, of a sensible length.</summary>
    public static bool IsForm(string? form) =>
        form is { Length: > 1 and <= FormDraft.FormMaxLength } && form[0] == '/' && form[1] != '/' && form[1] != '\\' && !form.Contains('?');
}
