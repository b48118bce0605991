using System.Reflection;
using NetArchTest.Rules;
using Safeguard.Core.Data;
using Xunit.Abstractions;

namespace Safeguard.Core.Tests.Architecture;

/// <summary>
/// The layering docs/architecture.md describes, checked on the compiled Core assembly (every type, nested and
/// compiler-made ones included, so a lambda or an async method counts as its type's dependency).
/// </summary>
public sealed class LayeringTests(ITestOutputHelper output)
{
    private const string Core = "Safeguard.Core";

    private static readonly Assembly CoreAssembly = typeof(SafeguardDbContext).Assembly;

    /// <summary>
    /// Areas every other area may use, that use no area but each other: what a change event, a permission, a
    /// working-day clock or a plural is does not depend on children's social care.
    /// </summary>
    public static readonly string[] Foundation = ["Audit", "Notifications", "Security", "Text", "Timescales"];

    /// <summary>
    /// Left out of the cycle check: Data (the one DbContext, which names every area's entities and is used by them all)
    /// and Seeding (demo and test councils, made from every area; nothing uses it but the CLI and tests).
    /// </summary>
    public static readonly string[] Composition = ["Data", "Seeding"];

    [Fact]
    public void Core_DoesNotReferenceTheWebApp_NorAspNetCorePagesOrMvc()
    {
        var result = Types.InAssembly(CoreAssembly).ShouldNot()
            .HaveDependencyOnAny("Safeguard.Web", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor",
                "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing("Core types that use the web", result));
    }

    [Fact]
    public void TheAreasOfCore_DoNotReferenceEachOtherInACircle()
    {
        var graph = AreaGraph();
        output.WriteLine(Describe(graph));

        var cycle = FindCycle(graph.ToDictionary(a => a.Key, a => a.Value.Keys.Where(b => !Composition.Contains(b)).ToList()));

        cycle.ShouldBeNull(cycle is null ? null : "These areas reference each other in a circle: " + string.Join(" -> ", cycle)
            + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1), (from, to) => $"{from} -> {to}: {string.Join(", ", graph[from][to])}")));
    }

    [Fact]
    public void FoundationAreas_UseNoOtherAreaButData()
    {
        var graph = AreaGraph();
        var wrong = Foundation.Where(graph.ContainsKey)
            .SelectMany(area => graph[area].Keys.Where(used => !Foundation.Contains(used) && used != "Data")
                .Select(used => $"{area} -> {used}: {string.Join(", ", graph[area][used])}"))
            .ToList();

        wrong.ShouldBeEmpty("A foundation area uses an area above it:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void OnlyTheIntakeArea_UsesTheWritersPrivateParts()
    {
        // The writer's private insert path, statement cache, connection settings and thread, and its database store.
        string[] privateParts = ["AddedRows", "NewRowsSave", "SqliteStatementCache", "WriterConnection", "WriterThreadContext", "WriterContactStore"];
        var intake = $"{Core}.Intake";
        foreach (var part in privateParts)
        {
            CoreAssembly.GetType($"{intake}.{part}", throwOnError: true)!.IsPublic.ShouldBeFalse($"{part} is the intake writer's own");
        }

        var result = Types.InAssembly(CoreAssembly).That().DoNotResideInNamespace(intake)
            .ShouldNot().HaveDependencyOnAny(privateParts.Select(p => $"{intake}.{p}").ToArray())
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing("Types outside the intake writer that use its private parts", result));
    }

    [Fact]
    public void NoOtherAreaOfCore_UsesTheIntakeArea()
    {
        // The fast path sits on top of FrontDoor: FrontDoor talks to it only through IContactStore, which it owns.
        var result = Types.InAssembly(CoreAssembly).That().ResideInNamespaceMatching($@"^{Core}\.\w+")
            .And().DoNotResideInNamespace($"{Core}.Intake")
            .ShouldNot().HaveDependencyOn($"{Core}.Intake")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Failing("Core areas that use the intake writer", result));
    }

    /// <summary>
    /// Which areas (Safeguard.Core.&lt;Area&gt;, sub-namespaces included) use which, each arrow with the types that make it.
    /// The root namespace (<see cref="CoreServices"/>, which registers everything) is not an area.
    /// </summary>
    public static Dictionary<string, Dictionary<string, List<string>>> AreaGraph()
    {
        var areas = CoreAssembly.GetTypes().Select(t => AreaOf(t.Namespace)).OfType<string>().Distinct().Order().ToList();
        var graph = areas.ToDictionary(a => a, _ => new Dictionary<string, List<string>>());
        var all = Types.InAssembly(CoreAssembly);
        foreach (var from in areas)
        {
            foreach (var to in areas.Where(to => to != from))
            {
                var users = all.That().ResideInNamespaceMatching($@"^{Core}\.{from}(\.|$)")
                    .And().HaveDependencyOn($"{Core}.{to}")
                    .GetTypes()
                    .Select(Outermost)
                    .Distinct()
                    .Order()
                    .ToList();
                if (users.Count > 0) graph[from][to] = users;
            }
        }
        return graph;
    }

    /// <summary>The type a nested one (a lambda's closure, an async method's state machine) was written in.</summary>
    private static string Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type.Name;
    }

    private static string? AreaOf(string? ns) =>
        ns is not null && ns.StartsWith(Core + ".", StringComparison.Ordinal) ? ns[(Core.Length + 1)..].Split('.')[0] : null;

    /// <summary>A cycle as the areas on it, the first repeated at the end; null when there is none.</summary>
    public static List<string>? FindCycle(IReadOnlyDictionary<string, List<string>> edges)
    {
        var state = new Dictionary<string, bool>(); // false: on the current path; true: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = false;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (state.TryGetValue(next, out var done))
                {
                    if (!done) return [.. path.Skip(path.IndexOf(next)), next];
                    continue;
                }
                if (Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }
        foreach (var node in edges.Keys.Order())
        {
            if (!state.ContainsKey(node) && Visit(node) is { } cycle) return cycle;
        }
        return null;
    }

    [Fact]
    public void FindCycle_NamesACircle_AndFindsNoneInALine()
    {
        FindCycle(new Dictionary<string, List<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"] })
            .ShouldBe(new List<string> { "A", "B", "C", "A" });
        FindCycle(new Dictionary<string, List<string>> { ["A"] = ["B", "C"], ["B"] = ["C"], ["C"] = [] }).ShouldBeNull();
    }

    private static string Describe(Dictionary<string, Dictionary<string, List<string>>> graph) =>
        string.Join("\n", graph.SelectMany(from => from.Value.Select(to => $"{from.Key} -> {to.Key}: {string.Join(", ", to.Value)}")));

    private static string Failing(string what, TestResult result) =>
        $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
