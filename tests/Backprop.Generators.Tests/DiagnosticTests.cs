using Microsoft.CodeAnalysis;
using Xunit;

namespace Backprop.Generators.Tests;

/// <summary>Every BPxxxx diagnostic: its id, where it points (the text under the squiggle) and what it says.</summary>
public class DiagnosticTests
{
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        {
            "BP0001", "NotPartial", "Network class 'NotPartial' must be declared 'partial'",
            """
            [Network(Inputs = 2)]
            public class NotPartial { }
            """
        },
        {
            "BP0002", "Inner", "Network class 'Inner' is nested in 'Outer'",
            """
            public partial class Outer
            {
                [Network(Inputs = 2)]
                public partial class Inner { [Dense(1)] public partial DenseLayer Output { get; } }
            }
            """
        },
        {
            "BP0003", "GenericNet", "Network class 'GenericNet' has type parameters",
            """
            [Network(Inputs = 2)]
            public partial class GenericNet<T> { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0004", "Inputs = 0", "Network 'ZeroInputs' declares Inputs = 0",
            """
            [Network(Inputs = 0)]
            public partial class ZeroInputs { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0004", "Inputs = -3", "Network 'NegativeInputs' declares Inputs = -3; set [Network(Inputs = n)] with n > 0, or leave Inputs out to take the input count from the data",
            """
            [Network(Inputs = -3)]
            public partial class NegativeInputs { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0022", "Norm", "Layer 'Norm' of network 'LateNormalize' is [Normalize] but 'Hidden' comes before it",
            """
            [Network(Inputs = 3)]
            public partial class LateNormalize
            {
                [Dense(4, Activation.Tanh)] public partial DenseLayer Hidden { get; }
                [Normalize] public partial NormalizeLayer Norm { get; }
                [Dense(1)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0022", "Late", "Layer 'Late' of network 'TwoNormalize' is [Normalize] but 'Early' comes before it",
            """
            [Network]
            public partial class TwoNormalize
            {
                [Normalize] public partial NormalizeLayer Early { get; }
                [Normalize] public partial NormalizeLayer Late { get; }
                [Dense(1)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0019", "Norm", "The last layer of network 'OnlyNormalize' is 'Norm', a Normalize layer",
            """
            [Network]
            public partial class OnlyNormalize { [Normalize] public partial NormalizeLayer Norm { get; } }
            """
        },
        {
            "BP0016", "SizedCtor", "declares the constructor SizedCtor(int), which the generator writes",
            """
            [Network]
            public partial class SizedCtor
            {
                public SizedCtor(int size) { }
                [Dense(1)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0012", "ShapeFor", "'ShapeFor' collides with the member 'ShapeFor' the generator writes for network 'Collides'",
            """
            [Network]
            public partial class Collides
            {
                [Dense(1)] public partial DenseLayer Output { get; }
                public static int ShapeFor(int x) => x;
            }
            """
        },
        {
            "BP0005", "(Activation)42", "'42' is not a defined Activation value",
            """
            [Network(Inputs = 2)]
            public partial class BadActivation { [Dense(1, (Activation)42)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0005", "Loss = (Loss)9", "'9' is not a defined Loss value",
            """
            [Network(Inputs = 2, Loss = (Loss)9)]
            public partial class BadLoss { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0006", "Empty", "Network 'Empty' declares no layers",
            """
            [Network(Inputs = 2)]
            public partial class Empty { }
            """
        },
        {
            "BP0007", "-3", "Layer 'Hidden' declares -3 units",
            """
            [Network(Inputs = 2)]
            public partial class NegativeUnits
            {
                [Dense(-3)] public partial DenseLayer Hidden { get; }
                [Dense(1)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0008", "Output", "Layer 'Output' must be declared as an instance 'partial DenseLayer Output { get; }' property: it is not declared 'partial'",
            """
            [Network(Inputs = 2)]
            public partial class NotPartialLayer { [Dense(1)] public DenseLayer Output { get; } }
            """
        },
        {
            "BP0008", "Output", "its type is 'int'",
            """
            [Network(Inputs = 2)]
            public partial class WrongType { [Dense(1)] public partial int Output { get; } }
            """
        },
        {
            "BP0009", "Hidden", "Layer 'Hidden' uses Softmax but is not the last layer",
            """
            [Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
            public partial class SoftmaxHidden
            {
                [Dense(4, Activation.Softmax)] public partial DenseLayer Hidden { get; }
                [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0010", "Loss = Loss.SquaredError", "Network 'SoftmaxWithSquaredError' has a Softmax output layer with loss SquaredError",
            """
            [Network(Inputs = 2, Loss = Loss.SquaredError)]
            public partial class SoftmaxWithSquaredError { [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0010", "Activation.Sigmoid", "has a Sigmoid output layer with loss SoftmaxCrossEntropy",
            """
            [Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
            public partial class CrossEntropyWithoutSoftmax { [Dense(2, Activation.Sigmoid)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0011", "Activation.ReLU", "but 'Output' uses ReLU",
            """
            [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
            public partial class TwoReLUs { [Dense(2, Activation.ReLU)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0011", "Activation.Tanh", "but 'Output' uses Tanh",
            """
            [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
            public partial class TanhOutput { [Dense(1, Activation.Tanh)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0012", "Parameters", "'Parameters' collides with the member 'Parameters' the generator writes for network 'Clash'",
            """
            [Network(Inputs = 2)]
            public partial class Clash { [Dense(1)] public partial DenseLayer Parameters { get; } }
            """
        },
        {
            "BP0013", "Dense(1000000000)", "Network 'Huge' needs 1000005000000004 floats for its parameters (the total passes the limit at layer 'Hidden')",
            """
            [Network(Inputs = 1000000)]
            public partial class Huge
            {
                [Dense(1000000000)] public partial DenseLayer Hidden { get; }
                [Dense(4)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0015", "Net", "'Net' is a record; [Network] goes on a partial class",
            """
            [Network(Inputs = 2)]
            public partial record Net { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0016", "Net", "Network class 'Net' has a primary constructor",
            """
            [Network(Inputs = 2)]
            public partial class Net(int seed) { [Dense(1)] public partial DenseLayer Output { get; } public int Seed => seed; }
            """
        },
        {
            "BP0017", "Output", "Layer 'Output' of network 'Net' is in another partial declaration than layer 'Hidden'",
            """
            [Network(Inputs = 2)]
            public partial class Net { [Dense(2)] public partial DenseLayer Hidden { get; } }
            public partial class Net { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0018", "Hidden", "Property 'Hidden' has 2 layer attributes",
            """
            [Network(Inputs = 2)]
            public partial class Net
            {
                [Dense(3), Dropout(0.5)] public partial DenseLayer Hidden { get; }
                [Dense(1)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0019", "Drop", "The last layer of network 'Net' is 'Drop', a Dropout layer",
            """
            [Network(Inputs = 2)]
            public partial class Net
            {
                [Dense(3)] public partial DenseLayer Hidden { get; }
                [Dropout(0.5)] public partial DropoutLayer Drop { get; }
            }
            """
        },
        {
            "BP0020", "1.0", "Layer 'Drop' sets rate = 1; the dropout rate is a probability in [0, 1)",
            """
            [Network(Inputs = 2)]
            public partial class Net
            {
                [Dropout(1.0)] public partial DropoutLayer Drop { get; }
                [Dense(1)] public partial DenseLayer Output { get; }
            }
            """
        },
        {
            "BP0021", "HuberDelta = 0", "Network 'Net' sets HuberDelta = 0; the Huber loss needs a δ that is positive and finite as a float",
            """
            [Network(Inputs = 2, Loss = Loss.Huber, HuberDelta = 0)]
            public partial class Net { [Dense(1)] public partial DenseLayer Output { get; } }
            """
        },
        {
            "BP0014", "Stray", "Property 'Stray' has a layer attribute but its class 'NoNetwork' has no [Network] attribute",
            """
            public partial class NoNetwork { [Dense(1)] public partial DenseLayer Stray { get; } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_declarations_report_their_diagnostic(string id, string squiggled, string message, string declaration)
    {
        string source = "using Backprop;\n" + declaration;
        var (result, output) = GeneratorHarness.Run(source);
        Assert.Null(result.Exception);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage());
        Assert.Equal(squiggled, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("BP", StringComparison.Ordinal) && d.Id != id);

        // Only the BP diagnostic explains the mistake: the declared layers get throwing stubs, so the compiler adds nothing
        // (a layer outside any network, BP0014, has no network to stub and keeps the compiler's missing-implementation error).
        var compilerErrors = GeneratorHarness.CompileErrors(output).Where(d => !(id == "BP0014" && d.Id == "CS9248")).Select(d => d.ToString()).ToArray();
        Assert.Empty(compilerErrors);
    }

    [Fact]
    public void A_network_without_Inputs_is_not_an_error()
    {
        var (result, output) = GeneratorHarness.Run("using Backprop;\n[Network(Loss = Loss.MeanSquaredError)] public partial class TaxiNet { [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; } [Dense(1)] public partial DenseLayer Output { get; } }");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileErrors(output));
    }

    [Fact]
    public void Two_layer_attributes_are_told_every_kind_of_the_table()
    {
        var (result, _) = GeneratorHarness.Run("using Backprop;\n[Network(Inputs = 2)] public partial class Net { [Dense(1), Dropout(0.5)] public partial DenseLayer Output { get; } }");
        string message = Assert.Single(result.Diagnostics, d => d.Id == "BP0018").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith("carries exactly one of " + Parsing.Layers.LayerKinds.AttributeList, message);
        Assert.StartsWith("[Dense], [LayerNorm], ", Parsing.Layers.LayerKinds.AttributeList);
        foreach (Parsing.Layers.LayerKindInfo kind in Parsing.Layers.LayerKinds.All)
            Assert.Contains("[" + kind.View.Substring("Backprop.".Length, kind.View.Length - "Backprop.".Length - "Layer".Length) + "]", message);
    }

    [Fact]
    public void The_table_of_kinds_has_one_entry_per_runtime_layer_kind()
    {
        // The runtime's enum (the generator compiles its own internal copy, so it is reached through the runtime's assembly).
        Type runtimeKinds = typeof(DenseLayer).Assembly.GetType("Backprop.LayerKind", throwOnError: true)!;
        Assert.Equal(Enum.GetNames(runtimeKinds).Order(), Parsing.Layers.LayerKinds.All.Select(k => k.Declared.Trim('[', ']')).Order());
        Assert.All(Parsing.Layers.LayerKinds.All, k => Assert.Equal("Backprop." + k.Declared.Trim('[', ']') + "Layer", k.View));
    }

    [Theory]
    [InlineData("[Network(Inputs = )] public partial class A { [Dense(] public partial DenseLayer B { get; } }")]
    [InlineData("[Network(Inputs = 2)] public partial class A { [Dense(3, Activation.)] public partial DenseLayer B { get; }")]
    [InlineData("[Network(Inputs = 2, Loss = )] public partial class A { [Dense] public partial DenseLayer B { get; } }")]
    [InlineData("[Network(Inputs = \"two\")] public partial class A { [Dense(\"x\", 5)] public partial DenseLayer B { get; } }")]
    [InlineData("[Network(Inputs = 2)] public partial class A { [Dense(2)] public partial DenseLayer ")]
    [InlineData("[Network(Inputs = 2)] partial class")]
    public void Half_typed_code_never_makes_the_generator_throw(string declaration)
    {
        var (result, _) = GeneratorHarness.Run("using Backprop;\n" + declaration);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "BP0000");
    }
}
