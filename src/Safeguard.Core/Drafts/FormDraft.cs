using Safeguard.Core.Data;

namespace Safeguard.Core.Drafts;

/// <summary>
/// What one person has typed into one long form and not yet saved (docs/drafts.md): the form's fields as they were
/// posted, by name, kept on the server so a time-out or a closed tab loses nothing. One per person and form; deleted
/// when the form is saved or the person discards it.
/// </summary>
public sealed class FormDraft
{
    private FormDraft() { }

    public FormDraft(Guid userId, string form, string fields, DateTimeOffset savedAt)
    {
        Id = NewId.Next();
        UserId = userId;
        Form = form;
        Fields = fields;
        SavedAt = savedAt;
    }

    public const int FormMaxLength = 300, FieldsMaxLength = 100_000;

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The form's address, e.g. <c>/children/{id}/case-notes/new</c>.</summary>
    public string Form { get; private set; } = "";

    /// <summary>The fields as JSON: each name with its values.</summary>
    public string Fields { get; private set; } = "";

    public DateTimeOffset SavedAt { get; private set; }

    public void Replace(string fields, DateTimeOffset savedAt) => (Fields, SavedAt) = (fields, savedAt);
}
