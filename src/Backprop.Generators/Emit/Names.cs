using System.Globalization;
using Backprop.Generators.Model;

namespace Backprop.Generators.Emit
{
    /// <summary>The names and math notation the emitted code uses, in one place.</summary>
    internal static class Names
    {
        public const string Kernels = "global::Backprop.Kernels";

        /// <summary>Activation buffer of layer <paramref name="layer"/> (1-based); layer 0 is the input <c>x</c>.</summary>
        public static string A(int layer) => layer == 0 ? "x" : "a" + Num(layer);

        /// <summary>Error signal δ of layer <paramref name="layer"/> (1-based).</summary>
        public static string Delta(int layer) => "delta" + Num(layer);

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

        /// <summary>f in comments and the kernel that applies it.</summary>
        public static string Function(ActivationKind activation) => activation switch
        {
            ActivationKind.Identity => "identity",
            ActivationKind.Sigmoid => "σ",
            ActivationKind.Tanh => "tanh",
            ActivationKind.ReLU => "relu",
            ActivationKind.LeakyReLU => "leaky_relu",
            _ => "softmax",
        };

        /// <summary>f′ written in terms of the activation a = f(z), as the backward kernels compute it.</summary>
        public static string Derivative(ActivationKind activation) => activation switch
        {
            ActivationKind.Sigmoid => "σ′(z) = a(1 − a)",
            ActivationKind.Tanh => "tanh′(z) = 1 − a²",
            ActivationKind.ReLU => "relu′(z) = a > 0 ? 1 : 0",
            ActivationKind.LeakyReLU => "leaky_relu′(z) = a > 0 ? 1 : 0.01",
            _ => "f′(z) = 1",
        };

        public static string EnumMember(ActivationKind activation) => "global::Backprop.Activation." + activation;

        public static string EnumMember(LossKind loss) => "global::Backprop.Loss." + loss;
    }
}
