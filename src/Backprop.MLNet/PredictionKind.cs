namespace Backprop.MLNet;

/// <summary>The ML.NET task a Backprop trainer serves: it decides the label type and the output columns.</summary>
public enum PredictionKind
{
    /// <summary>Label <see cref="bool"/>; outputs Score (logit), Probability and PredictedLabel (bool).</summary>
    BinaryClassification = 0,

    /// <summary>Label a key type; outputs Score (a probability per class, with slot names) and PredictedLabel (a key).</summary>
    MulticlassClassification = 1,

    /// <summary>Label <see cref="float"/> (or a float vector for several outputs); outputs Score.</summary>
    Regression = 2,
}
