// PipelineCore
