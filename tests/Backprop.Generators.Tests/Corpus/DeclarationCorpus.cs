namespace Backprop.Generators.Tests.Corpus;

/// <summary>
/// Odd declarations a user may write (issue 11 and more): each compiles cleanly or gets exactly the BP diagnostics that explain
/// it, at the argument at fault. <see cref="CorpusTests"/> runs them all.
/// </summary>
public static class DeclarationCorpus
{
    private const string Output = "[Dense(1)] public partial DenseLayer Output { get; }";

    public static readonly CorpusCase[] Cases =
    [
        // ---- The class: where it lives, what it is called, what kind of type it is.
        Clean("global namespace", $"[Network(Inputs = 2)] public partial class GlobalNet {{ {Output} }}"),
        Clean("file-scoped namespace", $"namespace App.Models; [Network(Inputs = 2)] public partial class Net {{ {Output} }}"),
        Clean("nested namespaces", $"namespace A {{ namespace B.C {{ [Network(Inputs = 2)] public partial class Net {{ {Output} }} }} }}"),
        Clean("keyword namespaces", $"namespace @class.@event {{ [Network(Inputs = 2)] public partial class Net {{ {Output} }} }}"),
        Clean("namespace named System", $"namespace App.System {{ [Network(Inputs = 2)] public partial class Net {{ {Output} }} }}"),
        Clean("namespace named Backprop", $"namespace Backprop {{ [Network(Inputs = 2)] public partial class Net {{ {Output} }} }}"),
        Clean("class named @event", $"[Network(Inputs = 2)] public partial class @event {{ {Output} }}"),
        Clean("class named @class in a keyword namespace", $"namespace @namespace; [Network(Inputs = 2)] public partial class @class {{ {Output} }}"),
        Clean("class name with a unicode escape and letters", $"[Network(Inputs = 2)] public partial class R\\u00e9seau {{ {Output} }}"),
        Clean("class named like runtime types", $"namespace App {{ [Network(Inputs = 2)] public partial class Kernels {{ {Output} }} [Network(Inputs = 2)] public partial class NetworkShape {{ {Output} }} }}"),
        Clean("internal sealed class", $"[Network(Inputs = 2)] internal sealed partial class Net {{ {Output} }}"),
        Clean("class with a base class and interfaces", $"public abstract class Base {{ public int Version => 1; }} [Network(Inputs = 2)] public sealed partial class Net : Base, System.IDisposable {{ {Output} public void Dispose() {{ }} }}"),
        Clean("[Network] on the part without layers", $"[Network(Inputs = 2)] public partial class Net {{ }}", $"public partial class Net {{ {Output} }}"),
        Clean("fully qualified attribute names", "[global::Backprop.NetworkAttribute(Inputs = 2)] public partial class Net { [Backprop.Dense(1)] public partial Backprop.DenseLayer Output { get; } }"),
        Clean("attribute through a using alias", "using N = Backprop.NetworkAttribute; [N(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Output { get; } }"),
        Clean("sizes from constants", "static class Sizes { public const int In = 3, Hidden = 4; } [Network(Inputs = Sizes.In)] public partial class Net { [Dense(Sizes.Hidden * 2, Activation.ReLU)] public partial DenseLayer Hidden { get; } [Dense(Sizes.In - 2)] public partial DenseLayer Output { get; } }"),
        Clean("two networks in one file", $"[Network(Inputs = 2)] public partial class First {{ {Output} }} [Network(Inputs = 3)] public partial class Second {{ {Output} }}"),
        Clean("same class name in two namespaces", $"namespace A {{ [Network(Inputs = 2)] public partial class Net {{ {Output} }} }} namespace B {{ [Network(Inputs = 2)] public partial class Net {{ {Output} }} }}"),
        Clean("a [Network] attribute of another library", "namespace Other { public sealed class NetworkAttribute : System.Attribute { public int Inputs { get; set; } } [Network(Inputs = 2)] public partial class NotOurs { } }"),
        Clean("nullable disabled, docs and pragmas", $"#nullable disable\n#pragma warning disable CS1591\n/// <summary>A net.</summary>\n[Network(Inputs = 2)] public partial class Net {{ /// <summary>Out.</summary>\n {Output} public string Note; }}"),
        Clean("user members beside the generated ones", $"[Network(Inputs = 2)] public partial class Net {{ {Output} public override string ToString() => \"net\"; public int Count {{ get; set; }} public static Net Create() => new(); public Net(int seed) : this() {{ }} }}"),
        Clean("a layer commented out with #if", $"[Network(Inputs = 2)] public partial class Net {{\n#if NEVER\n[Dense(9)] public partial DenseLayer Skipped {{ get; }}\n#endif\n {Output} }}"),

        Bp("[Network] on two partial declarations", [], $"[Network(Inputs = 2)] public partial class Twice {{ {Output} }}", "[Network(Inputs = 3)] public partial class Twice { }") with { UserErrors = ["CS0579"] },
        Bp("not partial", ["BP0001 NotPartial"], "[Network(Inputs = 2)] public class NotPartial { }"),
        Bp("one part not partial", ["BP0001 Half"], $"[Network(Inputs = 2)] public partial class Half {{ {Output} }}", "public class Half { }") with { UserErrors = ["CS0260"] },
        Bp("nested in a class", ["BP0002 Inner"], $"public partial class Outer {{ [Network(Inputs = 2)] public partial class Inner {{ {Output} }} }}"),
        Bp("nested in a generic struct with constraints", ["BP0002 Inner"], $"public partial struct Outer<T> where T : struct {{ [Network(Inputs = 2)] public partial class Inner {{ {Output} }} }}"),
        Bp("nested in a record and a static class", ["BP0002 Inner"], $"namespace App; public static partial class Top {{ public partial record Middle {{ [Network(Inputs = 2)] public partial class Inner {{ {Output} }} }} }}"),
        Bp("nested in a record struct", ["BP0002 Inner"], $"public partial record struct Outer(int X) {{ [Network(Inputs = 2)] public partial class Inner {{ {Output} }} }}"),
        Bp("nested in a keyword-named class", ["BP0002 @struct"], $"public partial class @class {{ [Network(Inputs = 2)] public partial class @struct {{ {Output} }} }}"),
        Bp("generic", ["BP0003 Net"], $"[Network(Inputs = 2)] public partial class Net<T> where T : class {{ {Output} }}"),
        Bp("generic beside a class named like its escaped name", ["BP0003 Net"], $"[Network(Inputs = 2)] public partial class Net<T> {{ {Output} }} [Network(Inputs = 2)] public partial class Net_T_ {{ {Output} }}"),
        Bp("one name, three arities", ["BP0003 Net", "BP0003 Net"], $"[Network(Inputs = 2)] public partial class Net {{ {Output} }} [Network(Inputs = 2)] public partial class Net<T> {{ {Output} }} [Network(Inputs = 2)] public partial class Net<T, U> {{ {Output} }}"),
        Bp("record", ["BP0015 Net"], $"[Network(Inputs = 2)] public partial record Net {{ {Output} }}"),
        Bp("record struct", ["BP0015 Net"], $"[Network(Inputs = 2)] public partial record struct Net {{ {Output} }}") with { UserErrors = ["CS0592"] },
        Bp("struct", ["BP0015 Net"], $"[Network(Inputs = 2)] public partial struct Net {{ {Output} }}") with { UserErrors = ["CS0592"] },
        Bp("static class", ["BP0016 Net"], $"[Network(Inputs = 2)] public static partial class Net {{ {Output} }}") with { UserErrors = ["CS0708"] },
        // No other file can implement a file-local class's layers: the compiler's missing implementation stays beside BP0016.
        Bp("file-local class", ["BP0016 Net"], $"[Network(Inputs = 2)] file partial class Net {{ {Output} }}") with { UserErrors = ["CS9248"] },
        Bp("abstract class", ["BP0016 Net"], $"[Network(Inputs = 2)] public abstract partial class Net {{ {Output} }}"),
        Bp("primary constructor", ["BP0016 Net"], $"[Network(Inputs = 2)] public partial class Net(int seed) {{ {Output} public int Seed => seed; }}"),
        Bp("user parameterless constructor", ["BP0016 Net"], $"[Network(Inputs = 2)] public partial class Net {{ {Output} public Net() {{ }} }}"),
        Bp("user constructor from a parameter span", ["BP0016 Net"], $"[Network(Inputs = 2)] public partial class Net {{ {Output} public Net(System.ReadOnlySpan<float> p) {{ }} }}"),

        // ---- Names that collide with what the generator writes.
        Bp("class named Shape", ["BP0012 Shape"], $"[Network(Inputs = 2)] public partial class Shape {{ {Output} }}"),
        Bp("user member InputCount", ["BP0012 InputCount"], $"[Network(Inputs = 2)] public partial class Net {{ {Output} public int InputCount => 2; }}"),
        Bp("user method Forward", ["BP0012 Forward"], $"[Network(Inputs = 2)] public partial class Net {{ {Output} public void Forward() {{ }} }}"),
        Bp("user method ForwardHidden", ["BP0012 ForwardHidden"], "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer Hidden { get; } [Dense(1)] public partial DenseLayer Output { get; } private void ForwardHidden() { } }"),
        Bp("Hidden + HiddenUnits", ["BP0012 HiddenUnits"], "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer Hidden { get; } [Dense(1)] public partial DenseLayer HiddenUnits { get; } }"),
        Bp("Hidden + ForwardHidden", ["BP0012 ForwardHidden"], "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer Hidden { get; } [Dense(1)] public partial DenseLayer ForwardHidden { get; } }"),
        Bp("Norm + NormEpsilon", ["BP0012 NormEpsilon"], "[Network(Inputs = 2)] public partial class Net { [LayerNorm] public partial LayerNormLayer Norm { get; } [Dense(1)] public partial DenseLayer NormEpsilon { get; } }"),
        Bp("layer named Parameters", ["BP0012 Parameters"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Parameters { get; } }"),
        Bp("layer named like its class", ["BP0012 Net"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Net { get; } }") with { UserErrors = ["CS0542"] },
        Clean("bias offset name free when there is no bias", "[Network(Inputs = 2)] public partial class Net { [Dense(3, Bias = false)] public partial DenseLayer X { get; } [Dense(1)] public partial DenseLayer XBiasOffset { get; } }"),
        Clean("HiddenUnits alone", "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer HiddenUnits { get; } }"),
        Clean("layers named like generated locals", "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer x { get; } [Dense(3)] public partial DenseLayer a1 { get; } [Dense(3)] public partial DenseLayer delta1 { get; } [Dense(3)] public partial DenseLayer parameters { get; } [Dense(3)] public partial DenseLayer workspace { get; } [Dense(1)] public partial DenseLayer output { get; } }"),
        Clean("layers named like namespaces and types", "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer System { get; } [Dense(3)] public partial DenseLayer Backprop { get; } [Dense(3)] public partial DenseLayer MathF { get; } [Dense(1)] public partial DenseLayer Span { get; } }"),
        Clean("keyword layer names", "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer @class { get; } [Dense(3)] public partial DenseLayer @int { get; } [Dense(1)] public partial DenseLayer @return { get; } }"),
        Clean("contextual keyword layer names", "[Network(Inputs = 2)] public partial class Net { [Dense(3)] public partial DenseLayer var { get; } [Dense(3)] public partial DenseLayer value { get; } [Dense(3)] public partial DenseLayer async { get; } [Dense(1)] public partial DenseLayer nameof { get; } }"),

        // ---- The layer properties themselves.
        Clean("no access modifier", "[Network(Inputs = 2)] public partial class Net { [Dense(3)] partial DenseLayer Hidden { get; } [Dense(1)] partial DenseLayer Output { get; } }"),
        Clean("internal, private, protected layers", "[Network(Inputs = 2)] public partial class Net { [Dense(3)] internal partial DenseLayer A { get; } [Dense(3)] private partial DenseLayer B { get; } [Dense(3)] protected internal partial DenseLayer C { get; } [Dense(1)] private protected partial DenseLayer D { get; } }"),
        Clean("new layer hiding a base member", "public class Base { public int Output => 0; } [Network(Inputs = 2)] public partial class Net : Base { [Dense(1)] public new partial DenseLayer Output { get; } }"),
        Clean("unsafe layer", "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public unsafe partial DenseLayer Output { get; } }"),
        Clean("@-prefixed ordinary name and unicode escape", "[Network(Inputs = 2)] public partial class Net { [Dense(2)] public partial DenseLayer @Hidden { get; } [Dense(1)] public partial DenseLayer \\u004Futput { get; } }"),
        Clean("obsolete layer", "[Network(Inputs = 2)] public partial class Net { [System.Obsolete(\"old\"), Dense(1)] public partial DenseLayer Output { get; } }"),
        Clean("named constructor arguments", "[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)] public partial class Net { [Dense(activation: Activation.Sigmoid, units: 1)] public partial DenseLayer Output { get; } }"),
        Bp("virtual layer", ["BP0008 Output"], $"[Network(Inputs = 2)] public partial class Net {{ [Dense(1)] public virtual partial DenseLayer Output {{ get; }} }}"),
        Bp("static layer", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public static partial DenseLayer Output { get; } }"),
        Bp("layer with a setter", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Output { get; set; } }"),
        Bp("layer with an init accessor", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Output { get; init; } }"),
        Bp("layer with only a setter", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Output { set; } }"),
        Bp("layer not partial", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public DenseLayer Output { get; } }"),
        Bp("body-only property", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Output { get => default; } }") with { UserErrors = ["CS9249"] },
        Bp("layer with both parts written by the user", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer Output { get; } public partial DenseLayer Output { get => default; } }"),
        Bp("layer indexer", ["BP0008 this"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer this[int i] { get; } [Dense(1)] public partial DenseLayer Output { get; } }"),
        Bp("wrong view type: LayerNormLayer with [Dense]", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial LayerNormLayer Output { get; } }"),
        Bp("wrong view type: DenseLayer with [Dropout]", ["BP0008 Drop", "BP0019 Drop"], "[Network(Inputs = 2)] public partial class Net { [Dense(2)] public partial DenseLayer Hidden { get; } [Dropout(0.5)] public partial DenseLayer Drop { get; } }"),
        Bp("nullable view type", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayer? Output { get; } }"),
        Bp("int layer", ["BP0008 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial int Output { get; } }"),
        Bp("two layer attributes on one property", ["BP0018 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(1), LayerNorm] public partial DenseLayer Output { get; } }"),
        Bp("layers split across two partial files", ["BP0017 Output"], "[Network(Inputs = 2)] public partial class Net { [Dense(2)] public partial DenseLayer Hidden { get; } }", "public partial class Net { [Dense(1)] public partial DenseLayer Output { get; } }"),
        Bp("layer in a class without [Network]", ["BP0014 Stray"], "public partial class Plain { [Dense(1)] public partial DenseLayer Stray { get; } }") with { UserErrors = ["CS9248"] },
        Bp("layer in a nested class of a network", ["BP0014 Stray"], $"[Network(Inputs = 2)] public partial class Net {{ {Output} public partial class Helper {{ [Dense(1)] public partial DenseLayer Stray {{ get; }} }} }}") with { UserErrors = ["CS9248"] },

        // ---- Sizes.
        Bp("no layers", ["BP0006 Empty"], "[Network(Inputs = 2)] public partial class Empty { }"),
        Bp("no Inputs", ["BP0004 Network"], $"[Network] public partial class Net {{ {Output} }}"),
        Bp("negative Inputs", ["BP0004 Inputs = -1"], $"[Network(Inputs = -1)] public partial class Net {{ {Output} }}"),
        Bp("zero units", ["BP0007 0"], "[Network(Inputs = 2)] public partial class Net { [Dense(0)] public partial DenseLayer Output { get; } }"),
        Bp("zero units by name", ["BP0007 units: 0"], "[Network(Inputs = 2)] public partial class Net { [Dense(units: 0)] public partial DenseLayer Output { get; } }"),
        Bp("Dense(1_100_000_000)", ["BP0013 Net"], "[Network(Inputs = 2)] public partial class Net { [Dense(1_100_000_000)] public partial DenseLayer Output { get; } }"),
        Bp("Dense(int.MaxValue)", ["BP0013 Net"], "[Network(Inputs = 1)] public partial class Net { [Dense(int.MaxValue)] public partial DenseLayer Output { get; } }"),
        Bp("Inputs = int.MaxValue", ["BP0013 Net"], $"[Network(Inputs = int.MaxValue)] public partial class Net {{ {Output} }}"),
        Bp("weights overflow int", ["BP0013 Net"], "[Network(Inputs = 65536)] public partial class Net { [Dense(65536, Bias = false)] public partial DenseLayer Output { get; } }"),
        Bp("parameters summed over layers overflow", ["BP0013 Net"], "[Network(Inputs = 1)] public partial class Net { [Dense(1_000_000_000, Bias = false)] public partial DenseLayer Hidden { get; } [LayerNorm] public partial LayerNormLayer Norm { get; } [Dense(1)] public partial DenseLayer Output { get; } }"),
        Bp("workspace overflows", ["BP0013 Net"], "[Network(Inputs = 1)] public partial class Net { [Dense(800_000_000, Activation.GELU, Bias = false)] public partial DenseLayer Output { get; } }"),
        Clean("just under the buffer limit", "[Network(Inputs = 2)] public partial class Net { [Dense(1_000_000_000, Bias = false)] public partial DenseLayer Output { get; } }"),
        Clean("many layers", "[Network(Inputs = 3)] public partial class Net { [Dense(4)] public partial DenseLayer L1 { get; } [Dense(4)] public partial DenseLayer L2 { get; } [Dense(4)] public partial DenseLayer L3 { get; } [Dense(4)] public partial DenseLayer L4 { get; } [Dense(4)] public partial DenseLayer L5 { get; } [Dense(4)] public partial DenseLayer L6 { get; } [Dense(4)] public partial DenseLayer L7 { get; } [Dense(4)] public partial DenseLayer L8 { get; } [Dense(4)] public partial DenseLayer L9 { get; } [Dense(4)] public partial DenseLayer L10 { get; } [Dense(4)] public partial DenseLayer L11 { get; } [Dense(2)] public partial DenseLayer L12 { get; } }"),

        // ---- Layer kinds and their options.
        Clean("every activation", "[Network(Inputs = 2)] public partial class Net { [Dense(3, Activation.Sigmoid)] public partial DenseLayer A { get; } [Dense(3, Activation.Tanh)] public partial DenseLayer B { get; } [Dense(3, Activation.ReLU)] public partial DenseLayer C { get; } [Dense(3, Activation.LeakyReLU)] public partial DenseLayer D { get; } [Dense(3, Activation.GELU)] public partial DenseLayer E { get; } [Dense(3, Activation.SiLU)] public partial DenseLayer F { get; } [Dense(3, Activation.ELU)] public partial DenseLayer G { get; } [Dense(3, Activation.Softplus)] public partial DenseLayer H { get; } [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; } }"),
        Clean("every kind", "[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)] public partial class Net { [Dropout(0.1)] public partial DropoutLayer InputDrop { get; } [Dense(8, Activation.ReLU)] public partial DenseLayer Hidden { get; } [LayerNorm] public partial LayerNormLayer Norm { get; } [BatchNorm(Momentum = 1)] public partial BatchNormLayer Batch { get; } [Dropout(0)] public partial DropoutLayer Drop { get; } [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; } }"),
        Clean("norm first", "[Network(Inputs = 4)] public partial class Net { [BatchNorm] public partial BatchNormLayer Batch { get; } [LayerNorm(Epsilon = 1e-3)] public partial LayerNormLayer Norm { get; } [Dense(1)] public partial DenseLayer Output { get; } }"),
        Bp("[LayerNorm(Epsilon = 0)]", ["BP0020 Epsilon = 0"], $"[Network(Inputs = 2)] public partial class Net {{ [LayerNorm(Epsilon = 0)] public partial LayerNormLayer Norm {{ get; }} {Output} }}"),
        Bp("[BatchNorm(Momentum = 0)]", ["BP0020 Momentum = 0"], $"[Network(Inputs = 2)] public partial class Net {{ [BatchNorm(Momentum = 0)] public partial BatchNormLayer Batch {{ get; }} {Output} }}"),
        Bp("[BatchNorm(Epsilon = NaN, Momentum = 2)]", ["BP0020 Epsilon = double.NaN", "BP0020 Momentum = 2"], $"[Network(Inputs = 2)] public partial class Net {{ [BatchNorm(Epsilon = double.NaN, Momentum = 2)] public partial BatchNormLayer Batch {{ get; }} {Output} }}"),
        Bp("[Dropout(1.0)]", ["BP0020 1.0"], $"[Network(Inputs = 2)] public partial class Net {{ [Dropout(1.0)] public partial DropoutLayer Drop {{ get; }} {Output} }}"),
        Bp("[Dropout(-0.1)]", ["BP0020 -0.1"], $"[Network(Inputs = 2)] public partial class Net {{ [Dropout(-0.1)] public partial DropoutLayer Drop {{ get; }} {Output} }}"),
        Bp("[Dropout(NaN)]", ["BP0020 double.NaN"], $"[Network(Inputs = 2)] public partial class Net {{ [Dropout(double.NaN)] public partial DropoutLayer Drop {{ get; }} {Output} }}"),
        Bp("LayerNorm last", ["BP0019 Norm"], "[Network(Inputs = 2)] public partial class Net { [Dense(2)] public partial DenseLayer Hidden { get; } [LayerNorm] public partial LayerNormLayer Norm { get; } }"),
        Bp("BatchNorm last", ["BP0019 Batch"], "[Network(Inputs = 2)] public partial class Net { [Dense(2)] public partial DenseLayer Hidden { get; } [BatchNorm] public partial BatchNormLayer Batch { get; } }"),
        Bp("only a dropout layer", ["BP0019 Drop"], "[Network(Inputs = 2)] public partial class Net { [Dropout(0.5)] public partial DropoutLayer Drop { get; } }"),
        Bp("(Activation)99", ["BP0005 (Activation)99"], "[Network(Inputs = 2)] public partial class Net { [Dense(1, (Activation)99)] public partial DenseLayer Output { get; } }"),
        Bp("(Loss)(-1)", ["BP0005 Loss = (Loss)(-1)"], $"[Network(Inputs = 2, Loss = (Loss)(-1))] public partial class Net {{ {Output} }}"),

        // ---- Activations against the loss.
        Bp("Softmax hidden", ["BP0009 Hidden"], "[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)] public partial class Net { [Dense(4, Activation.Softmax)] public partial DenseLayer Hidden { get; } [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; } }"),
        Bp("Softmax output with the default loss", ["BP0010 Network(Inputs = 2)"], "[Network(Inputs = 2)] public partial class Net { [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; } }"),
        Bp("Softmax output with BCE", ["BP0010 Loss = Loss.BinaryCrossEntropy"], "[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)] public partial class Net { [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; } }"),
        Bp("SCE on a Sigmoid output", ["BP0010 Activation.Sigmoid"], "[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)] public partial class Net { [Dense(2, Activation.Sigmoid)] public partial DenseLayer Output { get; } }"),
        Bp("SCE on an output without activation", ["BP0010 Dense(2)"], "[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)] public partial class Net { [Dense(2)] public partial DenseLayer Output { get; } }"),
        Bp("BCE on ReLU", ["BP0011 Activation.ReLU"], "[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)] public partial class Net { [Dense(2, Activation.ReLU)] public partial DenseLayer Output { get; } }"),
        Bp("BCE on an output without activation", ["BP0011 Dense(1)"], "[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)] public partial class Net { [Dense(1)] public partial DenseLayer Output { get; } }"),
        Bp("BCE on a named activation argument", ["BP0011 activation: Activation.Tanh"], "[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)] public partial class Net { [Dense(1, activation: Activation.Tanh)] public partial DenseLayer Output { get; } }"),
        Clean("BCE on several sigmoid labels", "[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)] public partial class Net { [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; } }"),
        Clean("Softmax with one unit", "[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)] public partial class Net { [Dense(1, Activation.Softmax)] public partial DenseLayer Output { get; } }"),
        Clean("Huber and MAE", "[Network(Inputs = 2, Loss = Loss.Huber, HuberDelta = 0.25)] public partial class H { [Dense(2, Activation.Tanh)] public partial DenseLayer Output { get; } } [Network(Inputs = 2, Loss = Loss.MeanAbsoluteError)] public partial class M { [Dense(2)] public partial DenseLayer Output { get; } }"),
        Bp("HuberDelta = 0", ["BP0021 HuberDelta = 0"], $"[Network(Inputs = 2, Loss = Loss.Huber, HuberDelta = 0)] public partial class Net {{ {Output} }}"),
        Bp("HuberDelta = NaN", ["BP0021 HuberDelta = double.NaN"], $"[Network(Inputs = 2, Loss = Loss.Huber, HuberDelta = double.NaN)] public partial class Net {{ {Output} }}"),
        Bp("HuberDelta = +∞", ["BP0021 HuberDelta = double.PositiveInfinity"], $"[Network(Inputs = 2, Loss = Loss.Huber, HuberDelta = double.PositiveInfinity)] public partial class Net {{ {Output} }}"),
        Bp("several mistakes at once", ["BP0004 Inputs = 0", "BP0007 -1", "BP0009 Hidden", "BP0021 HuberDelta = -1"], "[Network(Inputs = 0, Loss = Loss.Huber, HuberDelta = -1)] public partial class Net { [Dense(-1, Activation.Softmax)] public partial DenseLayer Hidden { get; } [Dense(1)] public partial DenseLayer Output { get; } }"),

        // ---- Half-typed code: the user's syntax errors only, never a generator failure or an error in generated code.
        Bp("half-typed: Inputs =", [], "[Network(Inputs = )] public partial class Net { [Dense(] public partial DenseLayer B { get; } }") with { UserErrors = ["CS1026", "CS1525", "CS7036"] },
        Bp("half-typed: Activation.", [], "[Network(Inputs = 2)] public partial class Net { [Dense(3, Activation.)] public partial DenseLayer B { get; }") with { UserErrors = ["CS1001", "CS1513"] },
        Bp("half-typed: string sizes", [], "[Network(Inputs = \"two\")] public partial class Net { [Dense(\"x\", 5)] public partial DenseLayer B { get; } }") with { UserErrors = ["CS0029", "CS1503"] },
        Bp("half-typed: property without a name", [], "[Network(Inputs = 2)] public partial class Net { [Dense(2)] public partial DenseLayer ") with { UserErrors = ["CS0246", "CS0592", "CS1002", "CS1513"] },
        Bp("half-typed: class without a name", [], "[Network(Inputs = 2)] partial class") with { UserErrors = ["CS1001", "CS1513", "CS1514"] },
        Bp("half-typed: unknown layer type", [], "[Network(Inputs = 2)] public partial class Net { [Dense(1)] public partial DenseLayr Output { get; } }") with { UserErrors = ["CS0246", "CS9248"] },
    ];

    private static CorpusCase Clean(string name, params string[] sources) => new(name, [], sources, []);

    private static CorpusCase Bp(string name, string[] expected, params string[] sources) => new(name, expected, sources, []);
}
