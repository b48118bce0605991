using Safeguard.Core.Allocation;

namespace Safeguard.Web.Pages.Allocation.Shared;

/// <summary>A page with the allocation discussion form on it (allocate, reallocate): what the shared partial needs.</summary>
public interface IDiscussionPage
{
    DiscussionForm Form { get; }

    AllocationView View { get; }

    /// <summary>The signed-in manager may override the competence rules (with a reason).</summary>
    bool CanOverride { get; }
}
