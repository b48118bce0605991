namespace Safeguard.Core.Audit;

/// <summary>
/// A kind of thing that happened. Each kind is a record whose properties are its payload (stored as JSON) and
/// whose <see cref="Name"/> is stored with it and never changes once released: stored events are read back by
/// it. Every kind is found by <see cref="EventCatalogue"/>; write one with <c>db.Record(new SomethingHappened(...))</c>.
/// </summary>
public interface IEvent : IEventPayload
{
    /// <summary>The stable name stored in the event table, e.g. <c>contact.received</c>.</summary>
    static abstract string Name { get; }
}

/// <summary>
/// An event that records someone reading the record (a view, a download, the history shown before a decision), not a
/// change to it: the audit keeps it; the record's change history and "what changed while you were working" leave it out.
/// </summary>
public interface IRecordsAReading;

/// <summary>
/// Any event read back, whatever its kind. Separate from <see cref="IEvent"/> because an interface with a static abstract
/// member cannot be a type argument (a list of events of any kind is a list of these).
/// </summary>
public interface IEventPayload
{
    /// <summary>One line for people: history, the audit page and the chronology show it.</summary>
    string Describe();
}
