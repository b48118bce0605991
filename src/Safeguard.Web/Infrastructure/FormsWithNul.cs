using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Safeguard.Core.Text;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's form reader refuses a url-encoded form with an escaped NUL (<c>%00</c>) in it, so the antiforgery check
/// could not read the token and the post ended on the status page "The page could not be sent" (400). Such a form is read
/// again here, keeping its NULs, so that the page can refuse the field itself (<see cref="UnstorableTextPageFilter"/>).
/// A form that cannot be read for any other reason (too many fields, say) fails as before.
/// </summary>
public static class FormsWithNul
{
    public static IApplicationBuilder UseFormsWithNul(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && IsUrlEncoded(context.Request) && !context.Request.Path.StartsWithSegments("/api"))
        {
            await ReadAsync(context);
        }
        await next(context);
    });

    private static bool IsUrlEncoded(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static async Task ReadAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        try
        {
            await request.ReadFormAsync(context.RequestAborted);
            return;
        }
        catch (InvalidDataException)
        {
            // Read again below: the form feature keeps its failure for the antiforgery check if that fails too.
        }
        request.Body.Position = 0;
        var limits = context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
        // This reader unescapes with Uri.UnescapeDataString, which keeps NUL, and applies the same limits.
        using var reader = new FormReader(request.Body)
        {
            ValueCountLimit = limits.ValueCountLimit, KeyLengthLimit = limits.KeyLengthLimit, ValueLengthLimit = limits.ValueLengthLimit,
        };
        try
        {
            var fields = await reader.ReadFormAsync(context.RequestAborted);
            if (fields.Values.Any(v => v.Any(StorableText.HasNul)))
            {
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
            }
        }
        catch (InvalidDataException)
        {
            // Not a NUL: left to fail as it did.
        }
    }
}
