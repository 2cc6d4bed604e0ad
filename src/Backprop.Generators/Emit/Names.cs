using System.Globalization;
using Backprop.Generators.Model;

namespace Backprop.Generators.Emit
{
    /// <summary>The names and math notation the emitted code uses, in one place.</summary>
    internal static class Names
    {
        public const string Kernels = "global::Backprop.Kernels";
        public const string Span = "global::System.Span<float>";
        public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";

        /// <summary>The run-time input count in the passes of a network that takes it from the data.</summary>
        public const string InputCountName = "inputCount";

        /// <summary>An offset FixedParameterCount + k·n (or FixedStateCount + k·n) of an input-sized tensor.</summary>
        public static string PerInputOffset(string fixedCount, int coefficient) =>
            coefficient == 0 ? fixedCount : $"{fixedCount} + {Num(coefficient)} * {InputCountName}";

        /// <summary>The width of a layer as a C# expression: its Units constant, or the run-time input count before the first dense layer.</summary>
        public static string Width(LayerSpec layer) => layer.WidthFromData ? InputCountName : MemberNames.Units(layer.Name);

        /// <summary>The width of a layer in comments: its number, or n.</summary>
        public static string WidthText(LayerSpec layer) => layer.WidthFromData ? "n" : Num(layer.Units);

        /// <summary>The extra parameter (", int inputCount") of the methods of a layer whose sizes come from the data, or nothing.</summary>
        public static string SizedParameter(LayerSpec layer) => layer.WidthFromData ? $", int {InputCountName}" : "";

        /// <summary>The extra argument (", inputCount") in calls to the methods of such a layer, or nothing.</summary>
        public static string SizedArgument(LayerSpec layer) => layer.WidthFromData ? $", {InputCountName}" : "";

        /// <summary>An offset of a layer's tensor: its constant, or, width from the data, the generated method at the run-time count.</summary>
        public static string Offset(LayerSpec layer, string member) => layer.WidthFromData ? $"{member}({InputCountName})" : member;

        /// <summary>Output buffer of layer <paramref name="layer"/> (1-based); layer 0 is the input <c>x</c>.</summary>
        public static string A(int layer) => layer == 0 ? "x" : "a" + Num(layer);

        /// <summary>Pre-activation buffer zˡ of a dense layer whose activation needs z.</summary>
        public static string Z(int layer) => "z" + Num(layer);

        /// <summary>Error signal of layer <paramref name="layer"/>: ∂C/∂aˡ, then ∂C/∂zˡ once the activation's backward ran.</summary>
        public static string Delta(int layer) => "delta" + Num(layer);

        public static string Mean(int layer) => "mean" + Num(layer);

        public static string Reciprocal(int layer) => "rstd" + Num(layer);

        public static string Mask(int layer) => "mask" + Num(layer);

        /// <summary>Superscript layer index for comments: W¹, δ², a⁰.</summary>
        public static string Sup(int layer)
        {
            const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            string text = Num(layer);
            var result = new char[text.Length];
            for (int i = 0; i < text.Length; i++) result[i] = digits[text[i] - '0'];
            return new string(result);
        }

        public static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A float literal, e.g. <c>1E-05f</c>.</summary>
        public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

        /// <summary>A double literal, e.g. <c>0.1d</c>.</summary>
        public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

        public static string EnumMember(Activation activation) => "global::Backprop.Activation." + activation;

        public static string EnumMember(Loss loss) => "global::Backprop.Loss." + loss;

        public static string Guard(NetworkSpec spec, string span, string expected) =>
            $"global::Backprop.NetworkGuard.Length({span}.Length, {expected}, \"{spec.ClassName}\", \"{span}\");";
    }
}
