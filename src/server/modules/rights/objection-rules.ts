/**
 * SPEC RGT-OBJ-01 (L2007 art. 12 §1 al. 2): a person may object for serious and legitimate reasons
 * of their particular situation, except where the processing rests on art. 5 b) (a contract) or c)
 * (a legal obligation); otherwise the controller weighs the reasons and decides.
 */
export interface ObjectionAssessment {
  lawfulGround: string;
  applies: boolean;
  rule: string;
}

export function objectionOf(lawfulGround: string): ObjectionAssessment {
  return { lawfulGround, applies: lawfulGround !== 'b' && lawfulGround !== 'c', rule: 'L2007 art. 12 §1 al. 2' };
}
