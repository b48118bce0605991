using System.Linq.Expressions;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Tests.TagHelpers;

/// <summary>Runs a tag helper outside Razor: a page model, its ModelState, and the rendered HTML parsed by AngleSharp.</summary>
public sealed class TagHelperHarness
{
    private static readonly IModelMetadataProvider MetadataProvider = new EmptyModelMetadataProvider();

    public TagHelperHarness(TestPage? page = null)
    {
        // In a real request the action's ModelState and the view data's ModelState are one object; keep it so here.
        ViewData = new ViewDataDictionary<TestPage>(MetadataProvider, ModelState) { Model = page ?? new TestPage() };
        var httpContext = new DefaultHttpContext();
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor(), ModelState);
        ViewContext = new ViewContext(
            actionContext,
            new NoView(),
            ViewData,
            new TempDataDictionary(httpContext, new NoTempData()),
            TextWriter.Null,
            new HtmlHelperOptions());
    }

    public ModelStateDictionary ModelState { get; } = new();

    public ViewDataDictionary<TestPage> ViewData { get; }

    public ViewContext ViewContext { get; }

    public ModelExpression For<TValue>(Expression<Func<TestPage, TValue>> expression) =>
        new ModelExpressionProvider(MetadataProvider).CreateModelExpression(ViewData, expression);

    /// <summary>Simulates a posted value, as model binding records it.</summary>
    public TagHelperHarness Posted(string key, params string[] values)
    {
        ModelState.SetModelValue(key, values.Length == 1 ? values[0] : values, string.Join(",", values));
        return this;
    }

    public TagHelperHarness Error(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return this;
    }

    public T WithContext<T>(T helper)
        where T : TagHelper
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType == typeof(ViewContext)))
        {
            property.SetValue(helper, ViewContext);
        }

        return helper;
    }

    public static async Task<string> RenderHtml(
        TagHelper helper, string tagName, string childHtml = "", params (string Name, string Value)[] unboundAttributes)
    {
        var attributes = new TagHelperAttributeList(unboundAttributes.Select(a => new TagHelperAttribute(a.Name, a.Value)));
        var context = new TagHelperContext(tagName, new TagHelperAttributeList(), new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput(tagName, attributes, (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(childHtml)));

        helper.Init(context);
        await helper.ProcessAsync(context, output);
        if (!output.IsContentModified)
        {
            // What the Razor runtime does: a helper that leaves Content alone gets its child content.
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static async Task<IElement?> Render(
        TagHelper helper, string tagName, string childHtml = "", params (string Name, string Value)[] unboundAttributes)
    {
        var html = await RenderHtml(helper, tagName, childHtml, unboundAttributes);
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return document.Body!.FirstElementChild;
    }
}

internal sealed class NoView : IView
{
    public string Path => string.Empty;

    public Task RenderAsync(ViewContext context) => Task.CompletedTask;
}

internal sealed class NoTempData : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
    }
}

public sealed class TestPage
{
    public TestInput Input { get; set; } = new();
}

public sealed class TestInput
{
    public string? FamilyName { get; set; }

    public string? Reason { get; set; }

    public GovUkDate DateOfBirth { get; set; } = new();

    public string? Decision { get; set; }

    public List<string> Concerns { get; set; } = [];

    public string? TeamId { get; set; }

    public int? Age { get; set; }
}
