using Backprop.Optimizers;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Trainers;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.MLNet.Tests;

/// <summary>
/// An ML.NET pipeline written for SdcaMaximumEntropy / SdcaLogisticRegression / Sdca takes a Backprop trainer by
/// changing only the trainer line: both lines are below, in the same pipeline, with the same column names and the same
/// Fit(train, valid), example weights, continued training, OneVersusAll and ConvertToOnnx around them.
/// </summary>
public sealed class TrainerShapeTests(ITestOutputHelper output)
{
    [Fact]
    public void Multiclass_takes_the_place_of_SdcaMaximumEntropy()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(WeightedIris(ml, setosaWeight: 1), testFraction: 0.3, seed: 1);
        IEstimator<ITransformer> Pipeline(IEstimator<ITransformer> trainer) =>
            ml.Transforms.Conversion.MapValueToKey("Label", nameof(WeightedIrisRow.Species))
                .Append(ml.Transforms.NormalizeMinMax("Features"))
                .Append(trainer)
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        ITransformer sdca = Pipeline(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features", "Weight")).Fit(split.TrainSet);
        ITransformer ours = Pipeline(ml.MulticlassClassification.Trainers.Backprop<IrisNet>("Label", "Features", "Weight", epochs: 100, batchSize: 16, learningRate: 0.05f, optimizer: new Momentum(0.9f))).Fit(split.TrainSet);
        var sdcaMetrics = ml.MulticlassClassification.Evaluate(sdca.Transform(split.TestSet));
        var ourMetrics = ml.MulticlassClassification.Evaluate(ours.Transform(split.TestSet));
        output.WriteLine($"iris micro-accuracy: SdcaMaximumEntropy {sdcaMetrics.MicroAccuracy:F4}, Backprop {ourMetrics.MicroAccuracy:F4} (log-loss {sdcaMetrics.LogLoss:F4} / {ourMetrics.LogLoss:F4})");
        Assert.True(ourMetrics.MicroAccuracy >= 0.9, $"micro-accuracy {ourMetrics.MicroAccuracy}");

        // Score carries TrainingLabelValues (the label's key values), as ML.NET's multiclass trainers' scores do.
        DataViewSchema.Column score = ours.Transform(split.TestSet).Schema["Score"];
        VBuffer<ReadOnlyMemory<char>> labels = default;
        score.Annotations.GetValue("TrainingLabelValues", ref labels);
        Assert.Equal(["setosa", "versicolor", "virginica"], labels.DenseValues().Select(v => v.ToString()).Order());

        // The whole pipeline as one ONNX model: ONNX Runtime gives the same scores and labels.
        AssertOnnxMatches(ml, ours, split.TestSet, "Score", "PredictedLabel");
    }

    [Fact]
    public void Trainer_takes_a_validation_view_an_initial_model_and_weights()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(WeightedIris(ml, setosaWeight: 1), testFraction: 0.3, seed: 1);
        ITransformer featurizer = ml.Transforms.Conversion.MapValueToKey("Label", nameof(WeightedIrisRow.Species))
            .Append(ml.Transforms.NormalizeMinMax("Features")).Fit(split.TrainSet);
        IDataView train = featurizer.Transform(split.TrainSet), valid = featurizer.Transform(split.TestSet);
        var trainer = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new BackpropMulticlassTrainer.Options
        {
            Epochs = 400, BatchSize = 16, LearningRate = 0.05f, Optimizer = new Momentum(0.9f), EarlyStoppingPatience = 5,
        });
        Assert.True(trainer.Info.NeedNormalization);
        Assert.True(trainer.Info.WantCaching);
        Assert.IsAssignableFrom<ITrainerEstimator<BackpropTransformer, NetworkModel>>(trainer);

        // Fit(train, valid): the validation view gives the validation loss and stops the run early.
        BackpropTransformer first = trainer.Fit(train, valid);
        TrainingHistory history = first.Model.History!;
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.True(history.StoppedEarly, $"ran all {history.Epochs.Count} epochs");
        Assert.Equal(valid.GetRowCount() ?? CountRows(valid), history.ValidationSamples);

        // Fit(train, initialModel): continues from the trained weights; the history goes on from the first run's.
        var more = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 10, BatchSize = 16, LearningRate = 0.01f });
        BackpropTransformer second = more.Fit(train, first.Model);
        Assert.Equal(history.Epochs.Count + 10, second.Model.History!.Epochs.Count);
        Assert.Equal(history.Epochs.Count + 1, second.Model.History.Epochs[history.Epochs.Count].Epoch);
        Assert.True(second.Model.History.Epochs[history.Epochs.Count].TrainingLoss < history.Epochs[0].TrainingLoss / 2, "the continued run starts from trained weights");
        Assert.NotSame(first.Model.Network, second.Model.Network);

        // Example weights: with every setosa weighted 0, the network never learns setosa.
        IDataView zeroSetosa = featurizer.Transform(WeightedIris(ml, setosaWeight: 0));
        BackpropTransformer unweightedSetosa = ml.MulticlassClassification.Trainers.Backprop<IrisNet>("Label", "Features", "Weight", epochs: 60, batchSize: 16, learningRate: 0.05f, optimizer: new Momentum(0.9f)).Fit(zeroSetosa);
        var perClass = ml.MulticlassClassification.Evaluate(unweightedSetosa.Transform(valid)).PerClassLogLoss;
        BackpropTransformer plain = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(epochs: 60, batchSize: 16, learningRate: 0.05f, optimizer: new Momentum(0.9f)).Fit(zeroSetosa);
        var plainPerClass = ml.MulticlassClassification.Evaluate(plain.Transform(valid)).PerClassLogLoss;
        output.WriteLine($"setosa log-loss: weighted 0 → {perClass[0]:F3}, unweighted {plainPerClass[0]:F3}");
        Assert.True(perClass[0] > 5 * plainPerClass[0]);

        // Class weights: the same effect through the options.
        BackpropTransformer classWeighted = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new BackpropMulticlassTrainer.Options
        {
            Epochs = 60, BatchSize = 16, LearningRate = 0.05f, Optimizer = new Momentum(0.9f), ClassWeights = [0f, 1f, 1f],
        }).Fit(train);
        Assert.True(ml.MulticlassClassification.Evaluate(classWeighted.Transform(valid)).PerClassLogLoss[0] > 5 * plainPerClass[0]);
    }

    [Fact]
    public void Binary_takes_the_place_of_SdcaLogisticRegression_and_composes_with_OneVersusAll()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Cancer(ml), testFraction: 0.2, seed: 1);
        IEstimator<ITransformer> Pipeline(IEstimator<ITransformer> trainer) =>
            ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["malignant"] = true, ["benign"] = false }, nameof(TumourRow.Diagnosis))
                .Append(ml.Transforms.NormalizeMeanVariance("Features", nameof(TumourRow.Measurements)))
                .Append(trainer);

        ITransformer sdca = Pipeline(ml.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features")).Fit(split.TrainSet);
        ITransformer ours = Pipeline(ml.BinaryClassification.Trainers.Backprop<CancerNet>("Label", "Features", epochs: 60, batchSize: 16, optimizer: new Adam())).Fit(split.TrainSet);
        var sdcaMetrics = ml.BinaryClassification.Evaluate(sdca.Transform(split.TestSet));
        var ourMetrics = ml.BinaryClassification.Evaluate(ours.Transform(split.TestSet));
        output.WriteLine($"cancer AUC: SdcaLogisticRegression {sdcaMetrics.AreaUnderRocCurve:F4}, Backprop {ourMetrics.AreaUnderRocCurve:F4}");
        Assert.True(ourMetrics.AreaUnderRocCurve > 0.97);
        // ONNX from the normaliser on (ML.NET's converter has no ONNX form for a MapValue to Boolean).
        var chain = (TransformerChain<ITransformer>)ours;
        AssertOnnxMatches(ml, new TransformerChain<ITransformer>(chain.Skip(1).ToArray()), chain.First().Transform(split.TestSet), "Score", "Probability", "PredictedLabel");

        // Platt calibration still appends after the Backprop trainer.
        ITransformer calibrated = Pipeline(ml.BinaryClassification.Trainers.Backprop<CancerNet>(new() { Epochs = 20, Optimizer = new Adam() }))
            .Append(ml.BinaryClassification.Calibrators.Platt()).Fit(split.TrainSet);
        Assert.True(ml.BinaryClassification.Evaluate(calibrated.Transform(split.TestSet)).AreaUnderRocCurve > 0.97);

        // OneVersusAll over the binary trainer: the line that took SdcaLogisticRegression takes it.
        var iris = ml.Data.TrainTestSplit(TestData.Iris(ml), testFraction: 0.3, seed: 1);
        IEstimator<ITransformer> Ova(IEstimator<ITransformer> trainer) => TestData.IrisFeaturization(ml).Append(trainer).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        ITransformer sdcaOva = Ova(ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.SdcaLogisticRegression())).Fit(iris.TrainSet);
        ITransformer ourOva = Ova(ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.Backprop<BinaryIrisNet>(epochs: 100, batchSize: 16, learningRate: 0.05f, optimizer: new Momentum(0.9f)))).Fit(iris.TrainSet);
        double sdcaOvaAccuracy = ml.MulticlassClassification.Evaluate(sdcaOva.Transform(iris.TestSet)).MicroAccuracy;
        double ourOvaAccuracy = ml.MulticlassClassification.Evaluate(ourOva.Transform(iris.TestSet)).MicroAccuracy;
        output.WriteLine($"iris one-versus-all micro-accuracy: SdcaLogisticRegression {sdcaOvaAccuracy:F4}, Backprop {ourOvaAccuracy:F4}");
        Assert.True(ourOvaAccuracy >= 0.85, $"micro-accuracy {ourOvaAccuracy}");

        // The one-versus-all model saves and loads with ML.NET's model file, and scores the same.
        using var stream = new MemoryStream();
        ml.Model.Save(ourOva, iris.TrainSet.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = ml.Model.Load(stream, out _);
        Assert.Equal(Scores(ourOva.Transform(iris.TestSet), "Score"), Scores(loaded.Transform(iris.TestSet), "Score"));
    }

    [Fact]
    public void Regression_takes_the_place_of_Sdca()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Sine(ml), testFraction: 0.25, seed: 1);
        IEstimator<ITransformer> Pipeline(IEstimator<ITransformer> trainer) =>
            ml.Transforms.Concatenate("Features", nameof(SineRow.X)).Append(ml.Transforms.NormalizeMinMax("Features")).AppendCacheCheckpoint(ml).Append(trainer);

        ITransformer sdca = Pipeline(ml.Regression.Trainers.Sdca("Label", "Features", l2Regularization: 0.1f, l1Regularization: 0f)).Fit(split.TrainSet);
        ITransformer ours = Pipeline(ml.Regression.Trainers.Backprop<SineNet>("Label", "Features", epochs: 300, batchSize: 16, optimizer: new Adam())).Fit(split.TrainSet);
        double sdcaR2 = ml.Regression.Evaluate(sdca.Transform(split.TestSet)).RSquared, ourR2 = ml.Regression.Evaluate(ours.Transform(split.TestSet)).RSquared;
        output.WriteLine($"noisy sine R²: Sdca {sdcaR2:F4}, Backprop {ourR2:F4}");
        Assert.True(ourR2 > 0.95, $"R² {ourR2}");
        AssertOnnxMatches(ml, ours, split.TestSet, "Score");
    }

    [Fact]
    public void Onnx_conversion_applies_the_standardisation_of_unmarked_features_and_the_label_scale()
    {
        // No normaliser: the trainer standardises the features itself; no options: the default recipe scales the label.
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Sine(ml), testFraction: 0.25, seed: 1);
        ITransformer model = ml.Transforms.Concatenate("Features", nameof(SineRow.X)).AppendCacheCheckpoint(ml)
            .Append(ml.Regression.Trainers.Backprop<SineNet>()).Fit(split.TrainSet);
        BackpropTransformer trained = ((IEnumerable<ITransformer>)model).OfType<BackpropTransformer>().Single();
        Assert.NotNull(trained.Standardizer);
        AssertOnnxMatches(ml, model, split.TestSet, "Score");
    }

    [Fact]
    public void Onnx_conversion_takes_rms_norm_layers_sized_by_the_data()
    {
        // RMSNorm is written as Mul, MatMul, Add, Sqrt, Div, Mul: all within the converter's opset 12.
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(WeightedIris(ml, setosaWeight: 1), testFraction: 0.3, seed: 1);
        ITransformer model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(WeightedIrisRow.Species))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.Backprop<SizedRmsNormNet>(new() { Epochs = 30, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(split.TrainSet);
        AssertOnnxMatches(ml, model, split.TestSet, "Score", "PredictedLabel");
    }

    [Fact]
    public void Rows_that_fit_are_read_into_memory_once_and_the_log_says_so()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { lock (messages) messages.Add(e.RawMessage); };
        IDataView data = TestData.IrisFeaturization(ml).Fit(TestData.Iris(ml)).Transform(TestData.Iris(ml));
        Assert.False(data.CanShuffle);
        ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 2 }).Fit(data);
        Assert.Contains(messages, m => m.Contains("the 150 training rows", StringComparison.Ordinal) && m.Contains("read into memory once and are shuffled there", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Epoch 2: loss", StringComparison.Ordinal));

        // A cached view could shuffle itself, but rows that fit are read once all the same: the same model either way.
        messages.Clear();
        var fromCache = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 2, Seed = 5 }).Fit(ml.Data.Cache(data));
        Assert.Contains(messages, m => m.Contains("read into memory once", StringComparison.Ordinal));
        var fromView = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 2, Seed = 5 }).Fit(data);
        Assert.Equal(fromView.Model.Network.Parameters, fromCache.Model.Network.Parameters);

        messages.Clear();
        ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 2, ShuffleMemoryLimit = 1024 }).Fit(ml.Data.Cache(data));
        Assert.Contains(messages, m => m.Contains("shuffled by the data view's own shuffling cursor", StringComparison.Ordinal));

        messages.Clear();
        ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 2, ShuffleMemoryLimit = 1024 }).Fit(data);
        Assert.Contains(messages, m => m.Contains("shuffled through a pool of", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_that_fit_are_read_in_one_pass_that_also_checks_them_and_gives_the_statistics()
    {
        // Unmarked features (standardised by the trainer), a validation view and example weights: one cursor on each view,
        // the scan's; the model is the one the same rows give past the budget, read through cursors every epoch.
        var ml = new MLContext(seed: 1);
        IDataView iris = ml.Transforms.Conversion.MapValueToKey("Label", nameof(WeightedIrisRow.Species)).Fit(WeightedIris(ml, 2f)).Transform(WeightedIris(ml, 2f));
        var split = ml.Data.TrainTestSplit(ml.Data.Cache(iris), testFraction: 0.2, seed: 3);
        var options = new BackpropTrainerOptions { Epochs = 4, Seed = 7, ExampleWeightColumnName = nameof(WeightedIrisRow.Weight) };
        var train = new CursorCountingView(split.TrainSet);
        var valid = new CursorCountingView(split.TestSet);
        BackpropTransformer inMemory = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(options).Fit(train, valid);
        Assert.Equal(1, train.Cursors);
        Assert.Equal(1, valid.Cursors);
        Assert.NotNull(inMemory.Standardizer);

        options.ShuffleMemoryLimit = 0;
        options.Shuffle = false;
        var trainPastBudget = new CursorCountingView(split.TrainSet);
        BackpropTransformer throughCursors = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(options).Fit(trainPastBudget, split.TestSet);
        Assert.True(trainPastBudget.Cursors > 4, $"{trainPastBudget.Cursors} cursors");
        Assert.Equal(inMemory.Standardizer!.Mean, throughCursors.Standardizer!.Mean);
        Assert.Equal(inMemory.Standardizer.Variance, throughCursors.Standardizer.Variance);

        options.ShuffleMemoryLimit = 256L << 20;
        BackpropTransformer inMemoryStored = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(options).Fit(split.TrainSet, split.TestSet);
        Assert.Equal(inMemoryStored.Model.Network.Parameters, throughCursors.Model.Network.Parameters);
        Assert.Equal(inMemoryStored.Model.History!.Epochs.Select(e => e.ValidationLoss), throughCursors.Model.History!.Epochs.Select(e => e.ValidationLoss));
    }

    /// <summary>Converts the fitted pipeline with ML.NET's converter and runs it in ONNX Runtime on the same rows.</summary>
    private void AssertOnnxMatches(MLContext ml, ITransformer model, IDataView data, params string[] columns)
    {
        using var onnx = new MemoryStream();
        ml.Model.ConvertToOnnx(model, data, onnx);
        using var session = new InferenceSession(onnx.ToArray());
        IDataView scored = model.Transform(data);
        var inputs = new List<NamedOnnxValue>();
        int rows = (int)CountRows(data);
        foreach ((string name, NodeMetadata meta) in session.InputMetadata)
        {
            DataViewSchema.Column column = data.Schema[name];
            int width = column.Type is VectorDataViewType v ? v.Size : 1;
            if (meta.ElementType == typeof(string))
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(data.GetColumn<ReadOnlyMemory<char>>(name).Select(t => t.ToString()).ToArray(), [rows, 1])));
            else
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(Scores(data, name), [rows, width])));
        }

        using var results = session.Run(inputs);
        foreach (string column in columns)
        {
            var result = results.Single(r => r.Name == column + ".output");
            DataViewType type = scored.Schema[column].Type;
            if (type == BooleanDataViewType.Instance)
            {
                bool[] expected = scored.GetColumn<bool>(column).ToArray();
                Assert.Equal(expected, result.AsTensor<bool>().ToArray());
                continue;
            }

            if ((type is VectorDataViewType vt ? vt.ItemType : type) is TextDataViewType)
            {
                string[] expectedText = scored.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();
                Assert.Equal(expectedText, result.AsTensor<string>().ToArray());
                continue;
            }

            // A binary Score is the logit ln(p / (1 − p)): near p = 1 one ulp of p moves it by about 1e-7 / (1 − p), so it is
            // compared as the probability it encodes.
            bool logit = scored.Schema[column].Annotations.Schema.GetColumnOrNull("ScoreColumnKind") is not null && scored.Schema.GetColumnOrNull("Probability") is not null && column == "Score";
            float[] want = Scores(scored, column), got = result.AsTensor<float>().ToArray();
            Assert.Equal(want.Length, got.Length);
            for (int i = 0; i < want.Length; i++)
            {
                (float w, float g) = logit ? (1f / (1f + MathF.Exp(-want[i])), 1f / (1f + MathF.Exp(-got[i]))) : (want[i], got[i]);
                Assert.True(Math.Abs(w - g) <= 1e-5f * Math.Max(1f, Math.Abs(w)), $"{column}[{i}]: ML.NET {want[i]}, ONNX Runtime {got[i]}");
            }
        }

        output.WriteLine($"ONNX: {string.Join(", ", columns)} of {rows} rows match ONNX Runtime ({onnx.Length} bytes)");
    }

    /// <summary>A float or float-vector column, flattened.</summary>
    private static float[] Scores(IDataView data, string column) =>
        data.Schema[column].Type is VectorDataViewType
            ? data.GetColumn<float[]>(column).SelectMany(v => v).ToArray()
            : data.GetColumn<float>(column).ToArray();

    private static long CountRows(IDataView data)
    {
        long rows = 0;
        using DataViewRowCursor cursor = data.GetRowCursor([]);
        while (cursor.MoveNext()) rows++;
        return rows;
    }

    /// <summary>Iris with a Features vector and a Weight column (setosa rows weigh <paramref name="setosaWeight"/>).</summary>
    private static IDataView WeightedIris(MLContext ml, float setosaWeight) =>
        ml.Data.LoadFromEnumerable(ml.Data.CreateEnumerable<IrisRow>(TestData.Iris(ml), reuseRowObject: false).Select(r => new WeightedIrisRow
        {
            Features = [r.SepalLength, r.SepalWidth, r.PetalLength, r.PetalWidth],
            Species = r.Species,
            Weight = r.Species == "setosa" ? setosaWeight : 1f,
        }).ToList());
}

/// <summary>An iris row with its measurements as one vector and an example weight.</summary>
public sealed class WeightedIrisRow
{
    [VectorType(4)] public float[] Features { get; set; } = [];

    public string Species { get; set; } = "";

    public float Weight { get; set; }
}
