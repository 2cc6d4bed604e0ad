using System;
using System.Collections.Generic;
using Backprop.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Backprop.Generators.Parsing
{
    /// <summary>
    /// The network's buffers as its layers are parsed in order, and what a kind's parser needs to know of the network: each
    /// kind's parser asks here for the offsets of its tensors and reports its diagnostics here. Constant-size tensors are
    /// laid out in layer order; with the input count from the data, the layers up to the first dense one are
    /// <see cref="SizedByData"/> and their input-sized tensors get coefficients k instead (offset FixedParameterCount + k·n).
    /// </summary>
    internal sealed class LayerLayout
    {
        /// <summary>The largest array .NET allocates (Array.MaxLength): no buffer may be longer.</summary>
        public const int MaxBuffer = 0x7FFFFFC7;

        private readonly List<DiagnosticInfo> _diagnostics;

        /// <param name="network">The network's name, for diagnostics.</param>
        /// <param name="inputs">The declared input count, or 0 when it comes from the data.</param>
        /// <param name="loss">The training loss.</param>
        /// <param name="declared">The declared layers in order.</param>
        /// <param name="diagnostics">Where diagnostics go.</param>
        public LayerLayout(string network, int inputs, Loss loss, IReadOnlyList<DeclaredLayer> declared, List<DiagnosticInfo> diagnostics)
        {
            Network = network;
            Loss = loss;
            Declared = declared;
            _diagnostics = diagnostics;
            Width = inputs;
            SizedByData = inputs == 0;
        }

        public string Network { get; }

        public Loss Loss { get; }

        public IReadOnlyList<DeclaredLayer> Declared { get; }

        /// <summary>The position of the layer being parsed, 0-based.</summary>
        public int Position { get; private set; }

        /// <summary>The position of the layer being parsed, 1-based: its index in names and comments.</summary>
        public int Index => Position + 1;

        public bool IsFirst => Position == 0;

        public bool IsLast => Position == Declared.Count - 1;

        /// <summary>Values per sample into the layer being parsed; 0 while it is the input count from the data.</summary>
        public int Width { get; private set; }

        /// <summary>Whether the layer's input is the input count from the data (no dense layer before it in such a network).</summary>
        public bool SizedByData { get; private set; }

        /// <summary>Whether some layer before has parameters, so that the layer must send back the error signal of its input.</summary>
        public bool Propagates { get; private set; }

        /// <summary>Floats of constant-size parameters laid out so far.</summary>
        public long ParameterCount { get; private set; }

        /// <summary>Floats of constant-size state laid out so far.</summary>
        public long StateCount { get; private set; }

        /// <summary>Parameters per input laid out so far (the coefficients of the input-sized tensors).</summary>
        public long ParametersPerInput { get; private set; }

        /// <summary>State values per input laid out so far.</summary>
        public long StatePerInput { get; private set; }

        /// <summary>Floats of batched workspace per sample so far (the constant-size buffers).</summary>
        public long Workspace { get; private set; }

        /// <summary>Moves to the layer at <paramref name="position"/>.</summary>
        public void MoveTo(int position) => Position = position;

        /// <summary>The layer just parsed has parameters or not: the layers after it propagate when some layer up to it has.</summary>
        public void Completed(bool hasParameters) => Propagates |= hasParameters;

        /// <summary>Lays out a constant-size parameter tensor of <paramref name="floats"/> values; returns its offset.</summary>
        public int Parameters(long floats)
        {
            int offset = Clamp(ParameterCount);
            ParameterCount += floats;
            return offset;
        }

        /// <summary>Lays out an input-sized parameter tensor of <paramref name="perInput"/>·n values; returns its coefficient k.</summary>
        public int InputSizedParameters(long perInput)
        {
            int k = Clamp(ParametersPerInput);
            ParametersPerInput += perInput;
            return k;
        }

        /// <summary>Lays out a constant-size state tensor of <paramref name="floats"/> values; returns its offset.</summary>
        public int State(long floats)
        {
            int offset = Clamp(StateCount);
            StateCount += floats;
            return offset;
        }

        /// <summary>Lays out an input-sized state tensor of <paramref name="perInput"/>·n values; returns its coefficient k.</summary>
        public int InputSizedState(long perInput)
        {
            int k = Clamp(StatePerInput);
            StatePerInput += perInput;
            return k;
        }

        /// <summary>Adds <paramref name="floats"/> per sample to the batched workspace.</summary>
        public void AddWorkspace(long floats) => Workspace += floats;

        /// <summary>The layer's output has <paramref name="width"/> values whatever its input: the layers after it have constant sizes.</summary>
        public void Outputs(int width)
        {
            Width = width;
            SizedByData = false;
        }

        public void Report(DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        private static int Clamp(long value) => (int)Math.Min(value, MaxBuffer);
    }
}
