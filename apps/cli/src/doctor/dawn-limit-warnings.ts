// Dawn (the native code of the `webgpu` package) prints two warnings on stderr whenever it opens a
// Vulkan adapter that reports more dynamic-offset buffers than Dawn allocates room for (lavapipe
// reports 1000000; Dawn keeps 16):
//   Warning: maxDynamicUniformBuffersPerPipelineLayout artificially reduced from 1000000 to 16 ...
//   Warning: maxDynamicStorageBuffersPerPipelineLayout artificially reduced from 1000000 to 16 ...
// Native code writes them straight to file descriptor 2, so Node cannot filter them inside the
// process; doctor says once why they are harmless: prefixkit binds no buffer with a dynamic offset.

/** What doctor prints about them. */
export const dawnLimitWarningNote =
  '"maxDynamic...BuffersPerPipelineLayout artificially reduced" from Dawn is harmless: prefixkit binds no buffer with a dynamic offset';
