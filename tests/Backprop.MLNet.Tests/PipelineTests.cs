using Backprop.MLNet.Internal;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>The transformer in the rest of ML.NET: prediction engines, cross-validation, PFI, key mapping, sparse data, seeds, logging.</summary>
public class PipelineTests
{
    private static BackpropTrainerOptions IrisOptions => new() { Epochs = 60, BatchSize = 16, LearningRate = 0.05f, Optimizer = new Momentum(0.9f) };

    private static ITransformer FitIris(MLContext ml, IDataView data, BackpropTrainerOptions? options = null) =>
        TestData.IrisFeaturization(ml)
            .Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(options ?? IrisOptions))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(data);

    [Fact]
    public void Prediction_engine_agrees_with_transform_row_for_row()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = TestData.Iris(ml);
        ITransformer model = FitIris(ml, data);
        IDataView scored = model.Transform(data);
        string[] labels = scored.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(l => l.ToString()).ToArray();
        float[][] scores = scored.GetColumn<float[]>("Score").ToArray();

        var engine = ml.Model.CreatePredictionEngine<IrisRow, IrisPrediction>(model);
        IrisRow[] rows = ml.Data.CreateEnumerable<IrisRow>(data, reuseRowObject: false).ToArray();
        for (int i = 0; i < rows.Length; i++)
        {
            IrisPrediction prediction = engine.Predict(rows[i]);
            Assert.Equal(labels[i], prediction.PredictedLabel);
            Assert.Equal(scores[i], prediction.Score);
        }

        Assert.Contains(labels, l => l == "virginica"); // MapKeyToValue gave the species names back
    }

    [Fact]
    public void Output_columns_carry_the_annotations_of_mlnet_trainers()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = TestData.Iris(ml);
        var model = TestData.IrisFeaturization(ml).Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(IrisOptions)).Fit(data);
        DataViewSchema schema = model.Transform(data).Schema;

        DataViewSchema.Column score = schema["Score"];
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), score.Type);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        score.GetSlotNames(ref slotNames);
        Assert.Equal(["setosa", "versicolor", "virginica"], slotNames.DenseValues().Select(s => s.ToString()));
        ReadOnlyMemory<char> kind = default;
        score.Annotations.GetValue("ScoreColumnKind", ref kind);
        Assert.Equal("MulticlassClassification", kind.ToString());

        DataViewSchema.Column predicted = schema["PredictedLabel"];
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), predicted.Type);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        predicted.GetKeyValues(ref keyValues);
        Assert.Equal(3, keyValues.Length);

        // The estimator announces the same columns before Fit.
        SchemaShape shape = TestData.IrisFeaturization(ml).Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(IrisOptions))
            .GetOutputSchema(SchemaShapes.Of(data.Schema));
        Assert.Contains(shape, c => c.Name == "Score" && c.Kind == SchemaShape.Column.VectorKind.Vector);
        Assert.Contains(shape, c => c.Name == "PredictedLabel" && c.IsKey);
    }

    [Fact]
    public void Binary_output_has_score_probability_and_predicted_label()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = TestData.Cancer(ml);
        IDataView scored = TestData.CancerFeaturization(ml).Append(ml.BinaryClassification.Trainers.Backprop<CancerNet>(new() { Epochs = 5 })).Fit(data).Transform(data);
        float[] score = scored.GetColumn<float>("Score").ToArray();
        float[] probability = scored.GetColumn<float>("Probability").ToArray();
        bool[] predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        for (int i = 0; i < score.Length; i++)
        {
            Assert.InRange(probability[i], 0f, 1f);
            Assert.Equal(score[i] > 0, predicted[i]);
            Assert.Equal(probability[i] > 0.5f, predicted[i]);
        }

        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(scored);
        Assert.InRange(metrics.Accuracy, 0.5, 1.0);
    }

    [Fact]
    public void Same_seed_gives_the_same_model_and_the_transformer_exposes_it()
    {
        float[] Train(int seed)
        {
            var ml = new MLContext(seed: seed);
            var chain = (IEnumerable<ITransformer>)FitIris(ml, TestData.Iris(ml));
            BackpropTransformer transformer = chain.OfType<BackpropTransformer>().Single();
            Assert.Equal(60, transformer.Model.History!.Epochs.Count);
            Assert.IsType<IrisNet>(transformer.Model.Network);
            return transformer.Model.Network.Parameters;
        }

        Assert.Equal(Train(5), Train(5));
        Assert.NotEqual(Train(5), Train(6));
    }

    [Fact]
    public void Sparse_features_give_the_same_model_as_dense_ones()
    {
        var ml = new MLContext(seed: 1);
        DigitRow[] rows = ml.Data.CreateEnumerable<DigitRow>(TestData.Digits(ml), reuseRowObject: false).Take(300).ToArray();
        var dense = rows.Select(r => new VectorRow { Features = new VBuffer<float>(64, r.Pixels.Select(p => p / 16f).ToArray()), Digit = r.Digit });
        var sparse = rows.Select(r =>
        {
            int[] indices = Enumerable.Range(0, 64).Where(i => r.Pixels[i] != 0).ToArray();
            return new VectorRow { Features = new VBuffer<float>(64, indices.Length, indices.Select(i => r.Pixels[i] / 16f).ToArray(), indices), Digit = r.Digit };
        });

        float[] Train(IEnumerable<VectorRow> data)
        {
            var context = new MLContext(seed: 1);
            IDataView view = context.Data.LoadFromEnumerable(data.ToArray());
            var chain = context.Transforms.Conversion.MapValueToKey("Label", nameof(VectorRow.Digit))
                .Append(context.MulticlassClassification.Trainers.Backprop<DigitNet>(new() { Epochs = 3, Seed = 7 }))
                .Fit(view);
            return chain.LastTransformer.Model.Network.Parameters;
        }

        Assert.Contains(sparse, r => !r.Features.IsDense);
        Assert.Equal(Train(dense), Train(sparse));
    }

    [Fact]
    public void Cross_validation_and_permutation_feature_importance_work()
    {
        var ml = new MLContext(seed: 1);
        IDataView features = TestData.IrisFeaturization(ml).Fit(TestData.Iris(ml)).Transform(TestData.Iris(ml));
        var estimator = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(IrisOptions);
        var folds = ml.MulticlassClassification.CrossValidate(features, estimator, numberOfFolds: 3);
        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.True(f.Metrics.MicroAccuracy > 0.8, $"fold accuracy {f.Metrics.MicroAccuracy}"));

        BackpropTransformer model = estimator.Fit(features);
        var importance = ml.MulticlassClassification.PermutationFeatureImportance(model, model.Transform(features), permutationCount: 1);
        Assert.Equal(4, importance.Length);
        // Petal measurements carry the signal: permuting them costs more accuracy than permuting the sepal width.
        Assert.True(importance[2].MicroAccuracy.Mean < importance[1].MicroAccuracy.Mean);
    }

    [Fact]
    public void Progress_reaches_the_mlcontext_log()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { if (e.Source.Contains("Backprop", StringComparison.Ordinal)) lock (messages) messages.Add(e.Message); };
        var epochs = new List<int>();
        FitIris(ml, TestData.Iris(ml), new BackpropTrainerOptions { Epochs = 3, Progress = new Reporter(r => epochs.Add(r.Epoch)) });
        Assert.Contains(messages, m => m.Contains("Epoch 3: loss", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3], epochs);
    }

    [Fact]
    public void The_catalog_environment_is_reachable_on_this_mlnet_version()
    {
        // Fails loudly if an ML.NET upgrade moves the member CatalogEnvironment reads (see Internal/CatalogEnvironment.cs).
        var ml = new MLContext(seed: 1);
        Assert.NotNull(CatalogEnvironment.Of(ml.MulticlassClassification.Trainers));
        Assert.NotNull(CatalogEnvironment.Of(ml.BinaryClassification.Trainers));
        Assert.NotNull(CatalogEnvironment.Of(ml.Regression.Trainers));
    }

    public sealed class VectorRow
    {
        [VectorType(64)] public VBuffer<float> Features { get; set; }
        public float Digit { get; set; }
    }

    private sealed class Reporter(Action<Backprop.Training.EpochReport> report) : IProgress<Backprop.Training.EpochReport>
    {
        public void Report(Backprop.Training.EpochReport value) => report(value);
    }
}
