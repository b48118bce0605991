using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Safeguard.Web.ViewComponents;

/// <summary>
/// PLACEHOLDER so the layout compiles: renders nothing. It will be replaced by the real navigation view component,
/// which should render the service navigation's <c>&lt;nav class="govuk-service-navigation__wrapper"&gt;</c>
/// (menu toggle button + <c>ul.govuk-service-navigation__list</c>) for the signed-in user's role. The layout places
/// it inside <c>div.govuk-service-navigation__container</c>, straight after the "Safeguard" service name.
/// </summary>
public sealed class NavigationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => new HtmlContentViewComponentResult(HtmlString.Empty);
}
