namespace Safeguard.Core.People;

public enum LinkChoiceKind { NotChosen, Existing, CreateNew }

/// <summary>
/// What the person recording a contact chose for one child: an existing record, a new record ("None of these"), or
/// nothing (a partner, the API, or a worker who was offered no records). Only <see cref="NotChosen"/> leaves the link to
/// <see cref="DecisiveMatchRule"/>; a choice is always honoured.
/// </summary>
public readonly record struct LinkChoice
{
    private LinkChoice(LinkChoiceKind kind, Guid? personId)
    {
        Kind = kind;
        PersonId = personId;
    }

    public LinkChoiceKind Kind { get; }

    /// <summary>The chosen record, for <see cref="LinkChoiceKind.Existing"/> only.</summary>
    public Guid? PersonId { get; }

    public static LinkChoice NotChosen => default;

    public static LinkChoice CreateNew => new(LinkChoiceKind.CreateNew, null);

    public static LinkChoice Existing(Guid personId) => new(LinkChoiceKind.Existing, personId);

    /// <summary>Reads a posted choice: a record's id, <see cref="CreateNewValue"/>, or anything else (blank, malformed) as not chosen.</summary>
    public static LinkChoice Parse(string? value) =>
        string.Equals(value?.Trim(), CreateNewValue, StringComparison.OrdinalIgnoreCase) ? CreateNew
        : Guid.TryParse(value?.Trim(), out var id) && id != Guid.Empty ? Existing(id)
        : NotChosen;

    /// <summary>The value a form posts for "None of these: create a new record".</summary>
    public const string CreateNewValue = "new";

    public override string ToString() => Kind switch
    {
        LinkChoiceKind.Existing => PersonId!.Value.ToString(),
        LinkChoiceKind.CreateNew => CreateNewValue,
        _ => "",
    };
}
