using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Infrastructure;

public static class ChangeResults
{
    /// <summary>Puts a refused change's problems against the page's fields ("" is the whole form).</summary>
    public static void AddErrors(this ModelStateDictionary state, WorkforceChangeResult result)
    {
        foreach (var (field, message) in result.Errors)
        {
            state.AddModelError(field, message);
        }
    }
}
