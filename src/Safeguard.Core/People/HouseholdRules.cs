using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Text;

namespace Safeguard.Core.People;

/// <summary>A new address as typed: the first line, the town, the postcode and the day the person moved there.</summary>
public sealed record AddressInput(string? Line1, string? Town, string? Postcode, DateOnly? MovedOn);

/// <summary>The end of a relationship as typed: the day it ended and, if given, why.</summary>
public sealed record RelationshipEndInput(DateOnly? EndedOn, string? Reason);

public enum HouseholdOutcome
{
    Saved,
    /// <summary>What was typed cannot be saved; the problems say why.</summary>
    Invalid,
    /// <summary>Someone else changed the record since the form was made; nothing was saved.</summary>
    ChangedElsewhere,
    /// <summary>There is no such current relationship to end.</summary>
    NotFound,
}

/// <summary>What became of a change of household or address, and, when it was refused, every problem with the field it is about.</summary>
public sealed record HouseholdChange(HouseholdOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly HouseholdChange Saved = new(HouseholdOutcome.Saved, []);
    public static readonly HouseholdChange ChangedElsewhere = new(HouseholdOutcome.ChangedElsewhere, []);
    public static readonly HouseholdChange NotFound = new(HouseholdOutcome.NotFound, []);

    public static HouseholdChange Invalid(IReadOnlyList<(string, string)> errors) => new(HouseholdOutcome.Invalid, errors);
}

/// <summary>
/// What a move or the end of a relationship needs, every problem at once. Field names are the form's: Line1, Town,
/// Postcode, MovedOn; EndedOn, Reason. Lengths are those of the address columns.
/// </summary>
public static class HouseholdRules
{
    public const int Line1MaxLength = 200, TownMaxLength = 100, ReasonMaxLength = 1000;

    /// <summary>A move: the address, and a day not in the future and after the day they moved to the address they leave.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckMove(AddressInput input, DateOnly today, DateOnly? currentFrom)
    {
        var errors = new List<(string, string)>();
        RequiredText.Check(nameof(AddressInput.Line1), input.Line1, Line1MaxLength, "Enter the first line of the address", errors);
        RequiredText.Check(nameof(AddressInput.Town), input.Town, TownMaxLength, "Enter the town or city", errors);
        if (string.IsNullOrWhiteSpace(input.Postcode)) errors.Add((nameof(AddressInput.Postcode), "Enter the postcode"));
        else if (!Postcode.TryParse(input.Postcode, out _)) errors.Add((nameof(AddressInput.Postcode), "Enter a real postcode, like NB1 4QT"));
        if (input.MovedOn is not { } moved) errors.Add((nameof(AddressInput.MovedOn), "Enter the date they moved"));
        else if (moved > today) errors.Add((nameof(AddressInput.MovedOn), "The date they moved must be today or in the past"));
        else if (DateRules.RecordDateProblem(moved, "The date they moved") is { } tooEarly) errors.Add((nameof(AddressInput.MovedOn), tooEarly));
        else if (currentFrom is { } from && moved <= from)
            errors.Add((nameof(AddressInput.MovedOn), $"The date they moved must be after {HouseholdWords.Day(from)}, when they moved to their current address"));
        return errors;
    }

    /// <summary>An ending: a day not in the future and not before the relationship began; a reason, if given, not too long.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckEnd(RelationshipEndInput input, DateOnly today, DateOnly? began)
    {
        var errors = new List<(string, string)>();
        if (input.EndedOn is not { } ended) errors.Add((nameof(RelationshipEndInput.EndedOn), "Enter the date the relationship ended"));
        else if (ended > today) errors.Add((nameof(RelationshipEndInput.EndedOn), "The date it ended must be today or in the past"));
        else if (DateRules.RecordDateProblem(ended, "The date it ended") is { } tooEarly) errors.Add((nameof(RelationshipEndInput.EndedOn), tooEarly));
        else if (began is { } from && ended < from)
            errors.Add((nameof(RelationshipEndInput.EndedOn), $"The date it ended must be the same as or after {HouseholdWords.Day(from)}, when it began"));
        if (input.Reason is { } reason && reason.Trim().Length > ReasonMaxLength)
            errors.Add((nameof(RelationshipEndInput.Reason), $"This must be {ReasonMaxLength:N0} characters or fewer"));
        return errors;
    }
}
