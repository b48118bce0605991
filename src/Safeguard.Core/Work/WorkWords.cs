namespace Safeguard.Core.Work;

/// <summary>The words people see for kinds of work (from <see cref="WorkCatalogue"/>) and priorities.</summary>
public static class WorkWords
{
    public static string Words(this Priority priority) => priority switch
    {
        Priority.ChildProtection => "Child protection",
        Priority.Urgent => "Urgent",
        Priority.Standard => "Standard",
        _ => "Unknown",
    };

    public static string Words(this WorkKind kind) => WorkCatalogue.Find(kind)?.Words ?? "Unknown";

    /// <summary>A heading for a group of open work of one kind, as on the backlog board.</summary>
    public static string GroupHeading(this WorkKind kind) => WorkCatalogue.Find(kind)?.GroupHeading ?? "Other work";
}
