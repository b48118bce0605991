using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Safeguard.Core.Attachments;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A page that takes a file upload (<c>[UploadLimits]</c>): its requests may be a little larger than the largest file
/// accepted (<c>Attachments:MaxBytes</c>), so a file just over the limit reaches the page and is named in its error
/// summary. A body too large even for that is refused with the status page for 413 ("The file is too large"), never an
/// error: the form is read here, before the antiforgery check would read it and fail.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : TypeFilterAttribute
{
    /// <summary>Before the antiforgery check (order 1000), which reads the form too.</summary>
    public UploadLimitsAttribute() : base(typeof(UploadLimitsFilter)) => Order = UploadLimitsFilter.RunsAt;
}

public sealed class UploadLimitsFilter(IOptions<AttachmentSettings> settings, ILogger<UploadLimitsFilter> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the form's other fields and the multipart boundaries.</summary>
    public const long Margin = 1024 * 1024;

    public const int RunsAt = -3000;

    public int Order => RunsAt;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return;
        var limit = settings.Value.MaxBytes + Margin;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            logger.LogInformation("An upload to {Path} was refused: {Reason}", request.Path, e.Message);
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
