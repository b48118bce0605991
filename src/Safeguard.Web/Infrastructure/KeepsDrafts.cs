using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using Safeguard.Core.Drafts;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A long form whose page keeps drafts on the server (docs/drafts.md): the page's form carries <c>data-draft</c> and
/// the "Save draft" button (<c>_DraftNotice</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepsDraftsAttribute : Attribute;

/// <summary>
/// For pages marked <see cref="KeepsDraftsAttribute"/>: when the form is opened and its reader has a draft of it, what
/// they typed is put back into the form's fields (over what the page would start with); when the form is saved (its
/// post answers with a redirect), the draft is deleted.
/// </summary>
public sealed class DraftRestoreFilter(FormDrafts drafts) : IAsyncPageFilter
{
    public const string SavedAtKey = "DraftSavedAt";

    /// <summary>Sets each of the page's bound properties (<c>[BindProperty]</c>) that the draft holds, as model binding would from a post.</summary>
    private static async Task BindAsync(PageModel page, IValueProvider values)
    {
        var services = page.HttpContext.RequestServices;
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        var binders = services.GetRequiredService<IModelBinderFactory>();
        foreach (var property in page.GetType().GetProperties().Where(p => p.IsDefined(typeof(BindPropertyAttribute), true) && p.CanWrite))
        {
            if (!values.ContainsPrefix(property.Name)) continue;
            var propertyMetadata = metadata.GetMetadataForProperty(page.GetType(), property.Name);
            var bindingInfo = BindingInfo.GetBindingInfo(property.GetCustomAttributes(true), propertyMetadata);
            var binder = binders.CreateBinder(new ModelBinderFactoryContext { Metadata = propertyMetadata, BindingInfo = bindingInfo, CacheToken = property });
            var context = DefaultModelBindingContext.CreateBindingContext(page.PageContext, values, propertyMetadata, bindingInfo, property.Name);
            await binder.BindModelAsync(context);
            if (context.Result.IsModelSet) property.SetValue(page, context.Result.Model);
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (context.HandlerInstance is not PageModel page || !page.GetType().IsDefined(typeof(KeepsDraftsAttribute), false)) return;
        if (page.User.UserId() is not { } user) return;
        var form = page.Request.Path.Value ?? "";
        if (HttpMethods.IsGet(page.Request.Method) && executed.Result is PageResult && await drafts.FindAsync(user, form) is { } draft)
        {
            var values = new FormValueProvider(BindingSource.Form,
                new FormCollection(draft.Fields.ToDictionary(f => f.Key, f => new StringValues(f.Value))), System.Globalization.CultureInfo.CurrentCulture);
            await BindAsync(page, values);
            page.ModelState.Clear();
            page.ViewData[SavedAtKey] = draft.SavedAt;
        }
        else if (HttpMethods.IsPost(page.Request.Method) && executed.Result is RedirectResult or RedirectToPageResult or LocalRedirectResult && executed.Exception is null)
        {
            await drafts.DiscardAsync(user, form);
        }
    }
}
