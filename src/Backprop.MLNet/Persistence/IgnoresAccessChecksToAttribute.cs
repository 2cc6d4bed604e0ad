using System.Runtime.CompilerServices;

// The runtime lets this assembly call the internal ML.NET members it was compiled against (see the csproj).
[assembly: IgnoresAccessChecksTo("Microsoft.ML.Core")]
[assembly: IgnoresAccessChecksTo("Microsoft.ML.Data")]

namespace System.Runtime.CompilerServices;

/// <summary>Honoured by the .NET runtime: the named assembly's non-public members are accessible from this one.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>The assembly whose access checks are ignored.</summary>
    public string AssemblyName { get; } = assemblyName;
}
