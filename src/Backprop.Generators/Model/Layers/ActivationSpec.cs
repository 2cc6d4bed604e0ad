namespace Backprop.Generators.Model
{
    /// <summary>The activation aˡ = f(zˡ) a dense layer adds after its affine map (not a declared kind: part of <see cref="DenseSpec"/>).</summary>
    /// <param name="Name">The dense layer's name.</param>
    /// <param name="Index">The dense layer's position.</param>
    /// <param name="Width">Values in and out per sample.</param>
    /// <param name="Function">The activation.</param>
    /// <param name="NeedsInput">f′ is computed from z, so z is kept beside a in training.</param>
    /// <param name="FusedWithLoss">The output's Softmax or Sigmoid whose derivative the loss already includes (δ = p − t).</param>
    internal sealed record ActivationSpec(string Name, int Index, int Width, Activation Function, bool NeedsInput, bool FusedWithLoss);
}
