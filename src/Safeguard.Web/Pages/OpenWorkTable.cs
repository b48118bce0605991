using Safeguard.Core.Work;

namespace Safeguard.Web.Pages;

/// <summary>What the open-work table partial (Shared/_OpenWork) shows: a page of work, the time it is judged overdue at, and its caption.</summary>
public sealed record OpenWorkTable(WorkPage Work, DateTimeOffset Now, string Caption, string Label, string TestId);
