using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>Schema problems surface at Fit / GetOutputSchema with a message naming the column, both types or sizes, and the network.</summary>
public class SchemaErrorTests
{
    private readonly MLContext _ml = new(seed: 1);

    private IDataView IrisFeatures() => TestData.IrisFeaturization(_ml).Fit(TestData.Iris(_ml)).Transform(TestData.Iris(_ml));

    [Fact]
    public void Missing_feature_column()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            _ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { FeatureColumnName = "Pixels" }).Fit(IrisFeatures()));
        Assert.Contains("Feature column 'Pixels' not found", error.Message);
        Assert.Contains("SepalLength", error.Message);
    }

    [Fact]
    public void Missing_feature_column_in_the_estimator_schema()
    {
        SchemaShape shape = SchemaShapes.Of(TestData.Iris(_ml).Schema);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Backprop<IrisNet>().GetOutputSchema(shape));
        Assert.Contains("Feature column 'Features' not found", error.Message);
    }

    [Fact]
    public void Wrong_label_type()
    {
        IDataView data = _ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(_ml.Transforms.CopyColumns("Label", "SepalLength")).Fit(TestData.Iris(_ml)).Transform(TestData.Iris(_ml));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Backprop<IrisNet>().Fit(data));
        Assert.Contains("Schema mismatch for label column 'Label': expected a key of UInt32", error.Message);
        Assert.Contains("got Single", error.Message);
        var shapeError = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Backprop<IrisNet>().GetOutputSchema(SchemaShapes.Of(data.Schema)));
        Assert.Contains("label column 'Label'", shapeError.Message);
    }

    [Fact]
    public void Feature_vector_of_unknown_size()
    {
        var rows = new[] { new VariableRow { Features = [1, 2, 3, 4], Label = true }, new VariableRow { Features = [1, 2], Label = false } };
        IDataView data = _ml.Data.LoadFromEnumerable(rows);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.Backprop<BinaryIrisNet>().Fit(data));
        Assert.Contains("Feature column 'Features' is a vector of unknown size", error.Message);
        Assert.Contains("'BinaryIrisNet' needs exactly 4 values", error.Message);
    }

    [Fact]
    public void Feature_size_different_from_the_network_input()
    {
        IDataView digits = TestData.DigitFeaturization(_ml).Fit(TestData.Digits(_ml)).Transform(TestData.Digits(_ml));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Backprop<IrisNet>().Fit(digits));
        Assert.Contains("Feature column 'Features' has 64 values per row but network 'IrisNet' takes 4 inputs", error.Message);
    }

    [Fact]
    public void Key_label_with_more_classes_than_outputs()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Backprop<TwoClassIrisNet>().Fit(IrisFeatures()));
        Assert.Contains("Label column 'Label' has 3 classes but network 'TwoClassIrisNet' has 2 outputs", error.Message);
    }

    [Fact]
    public void Empty_data_view()
    {
        IDataView empty = _ml.Data.FilterRowsByColumn(IrisFeatures(), "SepalLength", lowerBound: 100, upperBound: 200);
        var error = Assert.Throws<InvalidOperationException>(() => _ml.MulticlassClassification.Trainers.Backprop<IrisNet>().Fit(empty));
        Assert.Contains("no rows", error.Message);
    }

    [Fact]
    public void Label_column_all_missing()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new RegressionRow { Features = [i, 1, 2, 3], Label = float.NaN }).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => _ml.Regression.Trainers.Backprop<RegressionIrisNet>().Fit(_ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Label column 'Label' is missing in all 10 rows", error.Message);
    }

    [Fact]
    public void NaN_feature_names_its_row()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new RegressionRow { Features = [i, 1, i == 6 ? float.NaN : 2, 3], Label = i }).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => _ml.Regression.Trainers.Backprop<RegressionIrisNet>().Fit(_ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Row 6: feature 2 of column 'Features' is NaN", error.Message);
    }

    [Fact]
    public void A_network_that_cannot_serve_the_task_is_rejected_at_creation()
    {
        var error = Assert.Throws<ArgumentException>(() => _ml.BinaryClassification.Trainers.Backprop<IrisNet>());
        Assert.Contains("Network 'IrisNet'", error.Message);
        Assert.Contains("binary classification needs one Sigmoid output", error.Message);
    }

    [Fact]
    public void Transform_rejects_a_schema_without_the_features()
    {
        var model = TestData.IrisFeaturization(_ml).Append(_ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 2 })).Fit(TestData.Iris(_ml));
        var transformer = model.LastTransformer;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => transformer.Transform(TestData.Iris(_ml)));
        Assert.Contains("Feature column 'Features' not found", error.Message);
    }

    public sealed class VariableRow
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    public sealed class RegressionRow
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class BinaryIrisNet
{
    [Dense(4, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class RegressionIrisNet
{
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

internal static class SchemaShapes
{
    /// <summary>A data view schema as an estimator sees it (SchemaShape.Create is internal to ML.NET).</summary>
    public static SchemaShape Of(DataViewSchema schema) => new(Backprop.MLNet.Scoring.OutputSchema.Shapes(schema, 0));
}
