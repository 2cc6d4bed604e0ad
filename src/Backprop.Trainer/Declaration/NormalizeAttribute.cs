namespace Backprop;

/// <summary>
/// Declares an input normalisation adapted from the data, as Keras's <c>Normalization</c> layer: y = (x − μ)/σ per
/// feature, with μ and σ² the mean and (population) variance of each feature over the training data (a feature whose
/// variance is 0 is only centred). <c>NetworkTrainer</c> computes them in one streaming, numerically stable pass
/// (Welford's update, in double) before the first epoch, unless training continues from existing weights
/// (<c>InitializationScheme.None</c>); they live in the network's state buffer, so they are saved, loaded and exported
/// with it, and are never trained. The same in training and inference. It has no parameters and must be the first
/// layer. Put it on a <c>partial</c> property of type <see cref="NormalizeLayer"/>.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class NormalizeAttribute : System.Attribute
{
}
