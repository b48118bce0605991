using System.Reflection;
using Xunit.Sdk;

[assembly: Safeguard.EndToEnd.Tests.AxeCheckedAfterEachTest]

namespace Safeguard.EndToEnd.Tests;

/// <summary>Fails a journey whose pages axe-core found a violation on, even one it never waited for.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AxeCheckedAfterEachTestAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest)
    {
        var found = AxeOnEveryPage.NotYetAsserted();
        if (found.Count > 0) throw new XunitException(string.Join("\n", found));
    }
}
