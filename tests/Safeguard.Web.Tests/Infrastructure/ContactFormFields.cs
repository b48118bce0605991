namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>The fields a front-door worker fills in on every contact form, for tests that post one.</summary>
public static class ContactFormFields
{
    /// <summary>Adds "How did the contact come in?" and "When was it received?" (<paramref name="at"/>, typed in UK local time).</summary>
    public static Dictionary<string, string> ReceivedBy(this Dictionary<string, string> form, DateTimeOffset at, string method = "Phone")
    {
        form["Form.Method"] = method;
        foreach (var (key, value) in FrontDoorTests.ReceivedAt(at)) form[key] = value;
        return form;
    }
}
