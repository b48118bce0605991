using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Safeguard.TestCommon;

/// <summary>
/// Who, in compiled code, calls a method or constructor: every method body of an assembly read with Mono.Cecil, each
/// call named by the outermost type that holds it (a lambda or an async method counts as its type's).
/// </summary>
public static class CallSites
{
    /// <summary>The full names of the types in <paramref name="assembly"/> whose code calls <paramref name="declaringType"/>'s <paramref name="method"/> (".ctor" for a constructor).</summary>
    public static IReadOnlySet<string> CallersOf(Assembly assembly, Type declaringType, string method)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var callers = new HashSet<string>(StringComparer.Ordinal);
        var target = declaringType.FullName!.Replace('+', '/');
        foreach (var type in module.GetTypes())
        {
            foreach (var body in type.Methods.Where(m => m.HasBody).Select(m => m.Body))
            {
                foreach (var instruction in body.Instructions)
                {
                    if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn)) continue;
                    if (instruction.Operand is MethodReference called && called.DeclaringType.FullName == target && called.Name == method)
                    {
                        callers.Add(Outermost(type).FullName);
                    }
                }
            }
        }
        return callers;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }
}
