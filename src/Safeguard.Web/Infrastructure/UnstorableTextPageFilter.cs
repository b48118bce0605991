using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Data;
using Safeguard.Core.Text;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Every page's post: a field sent with a NUL character (U+0000), which cannot be saved, is an error on that field
/// ("Note contains a NUL character ..."), and the page is shown again with its error summary, what was typed kept and
/// status 400. The error is added before the handler (for pages that check ModelState) and again after it (most pages
/// clear ModelState to say what is wrong in their own words). A handler that did not stop reaches the save, which
/// <see cref="SafeguardDbContext"/> refuses before writing anything (<see cref="UnstorableTextException"/>): the same
/// page is shown instead.
/// </summary>
public sealed class UnstorableTextPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HandlerInstance is not PageModel page || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            await next();
            return;
        }
        var fields = await FieldsWithNulAsync(request);
        if (fields.Count == 0)
        {
            await next();
            return;
        }

        AddErrors(page, fields);
        var executed = await next();
        if (executed.Exception is UnstorableTextException)
        {
            executed.ExceptionHandled = true;
            // What the handler added stays unsaved, and nothing drawn on the page may try to save it again.
            context.HttpContext.RequestServices.GetService<SafeguardDbContext>()?.ChangeTracker.Clear();
            executed.Result = page.PageWithErrors();
        }
        else if (executed.Result is PageResult shown)
        {
            shown.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            return;
        }
        AddErrors(page, fields);
    }

    private static async Task<List<string>> FieldsWithNulAsync(HttpRequest request)
    {
        try
        {
            return (await request.ReadFormAsync()).Where(f => f.Value.Any(StorableText.HasNul)).Select(f => f.Key).ToList();
        }
        catch (InvalidDataException)
        {
            // A form that cannot be read (over the field limit) is the page's to refuse, as it was: a page that takes no
            // form (antiforgery not checked) never reads it.
            return [];
        }
    }

    private static void AddErrors(PageModel page, IEnumerable<string> fields)
    {
        var metadata = page.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>().GetMetadataForType(page.GetType());
        foreach (var field in fields)
        {
            var message = $"{Label(metadata, field)} {StorableText.NulProblem}";
            if (page.ModelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message)) continue;
            page.ModelState.AddModelError(field, message);
        }
    }

    /// <summary>The field's label as the page declares it (<c>[Display(Name = ...)]</c>), found by its form name (<c>Form.Participants[1].Name</c>).</summary>
    private static string Label(ModelMetadata page, string field)
    {
        ModelMetadata? at = page;
        foreach (var part in field.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var property = at?.Properties[bracket < 0 ? part : part[..bracket]];
            if (property is null) return field;
            at = bracket < 0 ? property : property.ElementMetadata;
        }
        return at?.DisplayName ?? at?.PropertyName ?? field;
    }
}
