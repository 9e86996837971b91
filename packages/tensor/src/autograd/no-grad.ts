// Turning gradient recording off (torch.no_grad, webgpu-torch setGradEnabled).

let gradEnabled = true;

/** Whether ops currently record the graph for backward(). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs `fn` without recording any op for backward (inference, optimiser updates). */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}
