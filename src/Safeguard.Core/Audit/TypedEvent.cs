namespace Safeguard.Core.Audit;

/// <summary>
/// A typed event as its row stores it: its catalogue name, its description shortened as <see cref="EventRecord"/> stores
/// it, and its payload. The one conversion for the context's <c>Record</c> and for rows written in bulk.
/// </summary>
public readonly record struct TypedEvent(string Type, string Summary, string Data)
{
    public static TypedEvent Of<T>(T happened) where T : IEvent =>
        new(T.Name, EventRecord.Shorten(happened.Describe()), EventCatalogue.Serialise(happened));
}
